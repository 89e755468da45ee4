// Package restli encodes and decodes Rest.li protocol 2.0 values, query strings and resource keys,
// as LinkedIn's APIs speak them (see shared/spec/restli.md).
//
// Two escapings exist: URL escaping (query values and names, path keys) and reduced escaping (keys inside
// JSON bodies and the X-RestLi-Id header). Decoding tokenises on the grammar first and percent-decodes each
// string token afterwards, so structure characters and escaped data never mix.
package restli

// Encode writes v in protocol 2.0 form with URL escaping. v is a string, bool, integer, float,
// []any, []string, map[string]any or map[string]string; map keys are written sorted.
func Encode(v any) string { panic("restli: not implemented") }

// EncodeReduced writes v in protocol 2.0 form with reduced escaping (only ( ) , : ' and % are escaped).
func EncodeReduced(v any) string { panic("restli: not implemented") }

// Decode parses a URL-escaped protocol 2.0 value into string, []any or map[string]any.
func Decode(s string) (any, error) { panic("restli: not implemented") }

// DecodeReduced parses a reduced-escaped protocol 2.0 value into string, []any or map[string]any.
func DecodeReduced(s string) (any, error) { panic("restli: not implemented") }

// EncodeQuery writes a whole query string: names sorted, each value Encode()d, "fields" and "projection"
// passed raw and last.
func EncodeQuery(params map[string]any) string { panic("restli: not implemented") }
