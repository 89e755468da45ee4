package provider_test

import (
	"context"
	"errors"
	"net"
	"reflect"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"google.golang.org/grpc/peer"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/provider"
)

// parentAndChildFactories serve "linkedin" so that each provider configuration Terraform starts gets its own
// provider server, as in a real run, where Terraform starts one plugin process per provider configuration (make
// demo shows it). Tests with a parent and an aliased child provider block need it: the test harness serves a
// provider in-process and Terraform attaches every configuration of that provider to the one server, while the
// framework keeps one set of Configure data per server, so the configuration configured last would serve
// resources of both (TestAccProvider_logRedaction fails that way with protoV6ProviderFactories). A second
// provider name instead of an alias is not what users write, and OpenTofu cannot resolve one without a registry
// source ("Inconsistent dependency lock file").
func parentAndChildFactories() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"linkedin": func() (tfprotov6.ProviderServer, error) {
			return newPerConfiguration(func() (tfprotov6.ProviderServer, error) {
				return providerserver.NewProtocol6WithError(provider.New("test")())()
			})
		},
	}
}

// perConfiguration is a provider server that hands every RPC to a server of its own for each provider
// configuration. Terraform and OpenTofu start each provider configuration with a new plugin client, and so a
// new gRPC connection, to the reattached in-process server; the connection is told apart by the peer address
// gRPC puts in each request's context (a new *net.UnixAddr per accepted connection). When no such address is
// there, the RPC fails rather than being served by a shared server.
type perConfiguration struct {
	// unconfigured answers RPCs that terraform-plugin-go adds after this was written (every RPC of
	// tfprotov6.ProviderServer today is routed below); it is never configured.
	tfprotov6.ProviderServer

	newServer func() (tfprotov6.ProviderServer, error)
	mu        sync.Mutex
	byConn    map[net.Addr]tfprotov6.ProviderServer
}

func newPerConfiguration(newServer func() (tfprotov6.ProviderServer, error)) (*perConfiguration, error) {
	unconfigured, err := newServer()
	if err != nil {
		return nil, err
	}
	return &perConfiguration{ProviderServer: unconfigured, newServer: newServer, byConn: map[net.Addr]tfprotov6.ProviderServer{}}, nil
}

func (p *perConfiguration) server(ctx context.Context) (tfprotov6.ProviderServer, error) {
	pr, ok := peer.FromContext(ctx)
	if !ok || pr.Addr == nil || reflect.ValueOf(pr.Addr).Kind() != reflect.Pointer {
		return nil, errors.New("test provider server: the request carries no gRPC peer address to tell provider configurations apart")
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if s, ok := p.byConn[pr.Addr]; ok {
		return s, nil
	}
	s, err := p.newServer()
	if err != nil {
		return nil, err
	}
	p.byConn[pr.Addr] = s
	return s, nil
}

// route calls rpc on the server of the provider configuration that sent the request.
func route[Req, Resp any](ctx context.Context, p *perConfiguration, req Req,
	rpc func(tfprotov6.ProviderServer, context.Context, Req) (Resp, error),
) (Resp, error) {
	s, err := p.server(ctx)
	if err != nil {
		var zero Resp
		return zero, err
	}
	return rpc(s, ctx, req)
}

type ps = tfprotov6.ProviderServer

func (p *perConfiguration) GetMetadata(ctx context.Context, r *tfprotov6.GetMetadataRequest) (*tfprotov6.GetMetadataResponse, error) {
	return route(ctx, p, r, ps.GetMetadata)
}

func (p *perConfiguration) GetProviderSchema(ctx context.Context, r *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	return route(ctx, p, r, ps.GetProviderSchema)
}

func (p *perConfiguration) GetResourceIdentitySchemas(ctx context.Context, r *tfprotov6.GetResourceIdentitySchemasRequest) (*tfprotov6.GetResourceIdentitySchemasResponse, error) {
	return route(ctx, p, r, ps.GetResourceIdentitySchemas)
}

func (p *perConfiguration) ValidateProviderConfig(ctx context.Context, r *tfprotov6.ValidateProviderConfigRequest) (*tfprotov6.ValidateProviderConfigResponse, error) {
	return route(ctx, p, r, ps.ValidateProviderConfig)
}

func (p *perConfiguration) ConfigureProvider(ctx context.Context, r *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	return route(ctx, p, r, ps.ConfigureProvider)
}

func (p *perConfiguration) StopProvider(ctx context.Context, r *tfprotov6.StopProviderRequest) (*tfprotov6.StopProviderResponse, error) {
	return route(ctx, p, r, ps.StopProvider)
}

func (p *perConfiguration) ValidateResourceConfig(ctx context.Context, r *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return route(ctx, p, r, ps.ValidateResourceConfig)
}

func (p *perConfiguration) UpgradeResourceState(ctx context.Context, r *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return route(ctx, p, r, ps.UpgradeResourceState)
}

func (p *perConfiguration) ReadResource(ctx context.Context, r *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return route(ctx, p, r, ps.ReadResource)
}

func (p *perConfiguration) PlanResourceChange(ctx context.Context, r *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return route(ctx, p, r, ps.PlanResourceChange)
}

func (p *perConfiguration) ApplyResourceChange(ctx context.Context, r *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return route(ctx, p, r, ps.ApplyResourceChange)
}

func (p *perConfiguration) ImportResourceState(ctx context.Context, r *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return route(ctx, p, r, ps.ImportResourceState)
}

func (p *perConfiguration) MoveResourceState(ctx context.Context, r *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return route(ctx, p, r, ps.MoveResourceState)
}

func (p *perConfiguration) UpgradeResourceIdentity(ctx context.Context, r *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return route(ctx, p, r, ps.UpgradeResourceIdentity)
}

func (p *perConfiguration) GenerateResourceConfig(ctx context.Context, r *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	return route(ctx, p, r, ps.GenerateResourceConfig)
}

func (p *perConfiguration) ValidateDataResourceConfig(ctx context.Context, r *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return route(ctx, p, r, ps.ValidateDataResourceConfig)
}

func (p *perConfiguration) ReadDataSource(ctx context.Context, r *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return route(ctx, p, r, ps.ReadDataSource)
}

func (p *perConfiguration) CallFunction(ctx context.Context, r *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	return route(ctx, p, r, ps.CallFunction)
}

func (p *perConfiguration) GetFunctions(ctx context.Context, r *tfprotov6.GetFunctionsRequest) (*tfprotov6.GetFunctionsResponse, error) {
	return route(ctx, p, r, ps.GetFunctions)
}

func (p *perConfiguration) ValidateEphemeralResourceConfig(ctx context.Context, r *tfprotov6.ValidateEphemeralResourceConfigRequest) (*tfprotov6.ValidateEphemeralResourceConfigResponse, error) {
	return route(ctx, p, r, ps.ValidateEphemeralResourceConfig)
}

func (p *perConfiguration) OpenEphemeralResource(ctx context.Context, r *tfprotov6.OpenEphemeralResourceRequest) (*tfprotov6.OpenEphemeralResourceResponse, error) {
	return route(ctx, p, r, ps.OpenEphemeralResource)
}

func (p *perConfiguration) RenewEphemeralResource(ctx context.Context, r *tfprotov6.RenewEphemeralResourceRequest) (*tfprotov6.RenewEphemeralResourceResponse, error) {
	return route(ctx, p, r, ps.RenewEphemeralResource)
}

func (p *perConfiguration) CloseEphemeralResource(ctx context.Context, r *tfprotov6.CloseEphemeralResourceRequest) (*tfprotov6.CloseEphemeralResourceResponse, error) {
	return route(ctx, p, r, ps.CloseEphemeralResource)
}
