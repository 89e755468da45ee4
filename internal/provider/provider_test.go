package provider_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/provider"
)

// protoV6ProviderFactories serve the provider in-process to the Terraform CLI under test.
var protoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"linkedin": providerserver.NewProtocol6WithError(provider.New("test")()),
}

func TestMain(m *testing.M) {
	if err := acctest.Setup(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}
