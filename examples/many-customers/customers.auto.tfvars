# The customers of this configuration (see variables.tf). A new customer starts in stage "onboarding": the
# first apply provisions its child application; once the customer has enabled One-Click Export and the
# In-ATS Indicator for us in LinkedIn, set its stage to "active" and apply again.
customers = {
  acme = {
    name         = "Acme Corp"
    organization = "urn:li:organization:2001"
    stage        = "onboarding"
    jobs = {
      "ACME-1042" = {
        title             = "Senior Backend Engineer"
        description       = "Acme Corp is hiring a senior backend engineer to design, build and run the Go services behind its payments platform."
        location          = "Mountain View, CA"
        company_apply_url = "https://careers.acme.example/jobs/ACME-1042"
        listed_at         = "2026-11-02T09:00:00Z"
      }
    }
  }
  globex = {
    name         = "Globex"
    organization = "urn:li:organization:2002"
    stage        = "onboarding"
    jobs = {
      "GX-7" = {
        title             = "Site Reliability Engineer"
        description       = "Globex is looking for a site reliability engineer to keep its logistics platform fast, observable and boringly reliable."
        location          = "Austin, TX"
        company_apply_url = "https://jobs.globex.example/GX-7"
        listed_at         = "2026-11-03T09:00:00Z"
      }
    }
  }
  initech = {
    name         = "Initech"
    organization = "urn:li:organization:2003"
    stage        = "onboarding"
    jobs = {
      "INI-300" = {
        title             = "Data Analyst"
        description       = "Initech needs a data analyst to turn its reporting pipeline and its many TPS reports into decisions people actually use."
        location          = "Dallas, TX"
        company_apply_url = "https://initech.example/careers/INI-300"
        listed_at         = "2026-11-04T09:00:00Z"
      }
    }
  }
}
