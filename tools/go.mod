module github.com/terraform-linkedin/terraform-provider-linkedin/tools

go 1.26
