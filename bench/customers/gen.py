#!/usr/bin/env python3
"""Inputs of bench/customers/run.sh: N customers, each with two integrations, three configuration keys and one
job posting, in the two layouts the benchmark compares.

  gen.py tfvars N STAGE            customers.auto.tfvars.json for examples/many-customers (stdout)
  gen.py alias N PHASE             the one-aliased-provider-per-customer layout (stdout): PHASE "apps" writes the
                                   child applications only, "all" adds a provider block per customer and the
                                   customer's integrations, configuration keys and job
  gen.py enable STATE_JSON URL     plays every customer enabling One-Click Export and the In-ATS Indicator in
                                   LinkedIn (emulator admin API), reading the child applications from
                                   `terraform show -json`

Customer i (0-based) is key "c0001"... with organization urn:li:organization:(100001 + i), in both layouts, so
that both ask LinkedIn for the same things.
"""
import json
import sys
import urllib.request

DESCRIPTION = ("A benchmark job posting with a description long enough for LinkedIn's minimum of one hundred "
               "characters, for customer {key}.")


def key(i):
    return f"c{i + 1:04d}"


def organization(i):
    return f"urn:li:organization:{100001 + i}"


def job_id(i):
    return f"JOB-{key(i)}"


def job(i):
    k = key(i)
    return {
        "title": f"Engineer at customer {k}",
        "description": DESCRIPTION.format(key=k),
        "location": "Mountain View, CA",
        "company_apply_url": f"https://careers.example.com/{k}/jobs/1",
        "listed_at": "2026-11-02T09:00:00Z",
    }


def tfvars(n, stage):
    customers = {}
    for i in range(n):
        customers[key(i)] = {
            "name": f"Customer {key(i)}",
            "organization": organization(i),
            "stage": stage,
            "jobs": {job_id(i): job(i)},
        }
    json.dump({"customers": customers}, sys.stdout, indent=1)
    print()


ALIAS_HEADER = '''terraform {
  required_providers {
    linkedin = { source = "terraform-linkedin/linkedin" }
  }
}

# The partner's parent application (LINKEDIN_CLIENT_ID / LINKEDIN_CLIENT_SECRET).
provider "linkedin" {}
'''

ALIAS_APP = '''
resource "linkedin_provisioned_application" "{k}" {{
  unique_foreign_id = "{k}"
  name              = "Customer {k} ATS"
  description       = "Customer {k}'s connection to our applicant tracking system"
}}
'''

ALIAS_CUSTOMER = '''
provider "linkedin" {{
  alias         = "{k}"
  client_id     = linkedin_provisioned_application.{k}.client_id
  client_secret = linkedin_provisioned_application.{k}.client_secret
}}

resource "linkedin_integration" "{k}_one_click_export" {{
  provider            = linkedin.{k}
  integration_context = "{org}"
  integration_type    = "ONE_CLICK_EXPORT"
  integration_name    = "Customer {k} - export to our ATS"
}}

resource "linkedin_integration" "{k}_in_ats_indicator" {{
  provider            = linkedin.{k}
  integration_context = "{org}"
  integration_type    = "IN_ATS_INDICATOR"
  integration_name    = "Customer {k} - in-ATS indicator"
}}

resource "linkedin_integration_configuration" "{k}_callback_url" {{
  provider            = linkedin.{k}
  integration_context = linkedin_integration.{k}_one_click_export.integration_context
  integration_type    = linkedin_integration.{k}_one_click_export.integration_type
  name                = "CALLBACK_URL"
  value               = "https://ats.example.com/linkedin/{k}/one-click-export"
}}

resource "linkedin_integration_configuration" "{k}_job_posting_viewers" {{
  provider            = linkedin.{k}
  integration_context = linkedin_integration.{k}_one_click_export.integration_context
  integration_type    = linkedin_integration.{k}_one_click_export.integration_type
  name                = "JOB_POSTING_VIEWERS"
  value               = "ALL_PRODUCT_USERS"
}}

resource "linkedin_integration_configuration" "{k}_application_viewers" {{
  provider            = linkedin.{k}
  integration_context = linkedin_integration.{k}_in_ats_indicator.integration_context
  integration_type    = linkedin_integration.{k}_in_ats_indicator.integration_type
  name                = "APPLICATION_VIEWERS"
  value               = "ALL_PRODUCT_USERS"
}}

resource "linkedin_job_posting" "{k}" {{
  provider                = linkedin.{k}
  integration_context     = "{org}"
  external_job_posting_id = "{job_id}"
  title                   = {title}
  description             = {description}
  location                = {location}
  company_apply_url       = {company_apply_url}
  listed_at               = {listed_at}
}}
'''


def alias(n, phase):
    out = [ALIAS_HEADER]
    for i in range(n):
        out.append(ALIAS_APP.format(k=key(i)))
    if phase == "all":
        for i in range(n):
            quoted = {f: json.dumps(v) for f, v in job(i).items()}
            out.append(ALIAS_CUSTOMER.format(k=key(i), org=organization(i), job_id=job_id(i), **quoted))
    sys.stdout.write("".join(out))


def enable(state_path, url):
    """POST /emulator/integrations for both integrations of every child application in the state."""
    state = json.load(open(state_path))
    resources = state.get("values", {}).get("root_module", {}).get("resources", [])
    apps = [r["values"] for r in resources if r["type"] == "linkedin_provisioned_application"]
    n = 0
    for app in apps:
        i = int(app["unique_foreign_id"][1:]) - 1
        for integration_type, status in (("ONE_CLICK_EXPORT", "PENDING_CONFIGURATION"), ("IN_ATS_INDICATOR", "ENABLED")):
            body = json.dumps({
                "application": app["client_id"],
                "integrationContext": organization(i),
                "integrationType": integration_type,
                "tenantType": "RECRUITER",
                "status": status,
            }).encode()
            req = urllib.request.Request(url + "/emulator/integrations", data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req) as resp:
                resp.read()
            n += 1
    print(f"{n} integrations enabled for {len(apps)} customers")


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "tfvars" and len(sys.argv) == 4:
        tfvars(int(sys.argv[2]), sys.argv[3])
    elif cmd == "alias" and len(sys.argv) == 4 and sys.argv[3] in ("apps", "all"):
        alias(int(sys.argv[2]), sys.argv[3])
    elif cmd == "enable" and len(sys.argv) == 4:
        enable(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
