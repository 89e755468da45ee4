# Job postings are managed with the customer's child application credentials.
provider "linkedin" {
  alias         = "acme"
  client_id     = var.acme_client_id
  client_secret = var.acme_client_secret
}

variable "acme_client_id" {
  type = string
}

variable "acme_client_secret" {
  type      = string
  sensitive = true
}

# The fields Recruiter System Connect requires ("Sync Jobs").
resource "linkedin_job_posting" "backend_engineer" {
  provider = linkedin.acme

  integration_context     = "urn:li:organization:1000"
  external_job_posting_id = "REQ-1042"
  title                   = "Senior Backend Engineer"
  description             = <<-EOT
    <p>Acme builds the payments platform thousands of small businesses rely on.</p>
    <ul><li>Design and run Go services</li><li>Own reliability end to end</li></ul>
  EOT
  location                = "Mountain View, CA"
  company_apply_url       = "https://careers.acme.example/jobs/REQ-1042"
  listed_at               = "2026-11-01T09:00:00Z"
  listing_state           = "LISTED" # "CLOSED" closes the job on LinkedIn

  # Optional fields.
  employment_status   = "FULL_TIME"
  experience_level    = "MID_SENIOR_LEVEL"
  workplace_type      = "Hybrid"
  alternate_locations = ["Austin, TX", "New York, NY"]
  categories          = ["eng", "it"]
  industries          = ["urn:li:industry:4"]
  company_job_code    = "ENG-BE-7"
  skills_description  = "Go, PostgreSQL, Kubernetes"
  poster_email        = "recruiting@acme.example"

  compensation = [{
    type          = "BASE_SALARY"
    period        = "YEARLY"
    currency_code = "USD"
    min_amount    = 150000
    max_amount    = 190000
  }]

  # Change this value to renew the listing (RENEW extends expire_at by 30 days).
  renewal_trigger = "2026-11"

  timeouts {
    create = "30m"
  }
}

# A job posted by postal code instead of a location string.
resource "linkedin_job_posting" "warehouse_associate" {
  provider = linkedin.acme

  integration_context     = "urn:li:organization:1000"
  external_job_posting_id = "REQ-2001"
  title                   = "Warehouse Associate"
  description             = "Join the fulfilment team of our Mountain View warehouse: receive, store and ship orders, keep the floor safe and tidy, and help us serve customers on time."
  country_code            = "US"
  postal_code             = "94043"
  company_apply_url       = "https://careers.acme.example/jobs/REQ-2001"
  listed_at               = "2026-11-10T08:00:00Z"
  employment_status       = "PART_TIME"
}

# An Apply Connect job: applicants apply on LinkedIn and LinkedIn delivers each application to the webhook.
# The customer must have enabled APPLY_CONNECT (tenant JOBS) for the organization; this data source fails
# with a clear message until it has.
data "linkedin_integration" "apply_connect" {
  provider            = linkedin.acme
  integration_context = "urn:li:organization:1000"
  integration_type    = "APPLY_CONNECT"
  tenant_type         = "JOBS"
}

resource "linkedin_job_posting" "site_reliability_engineer" {
  provider = linkedin.acme

  integration_context     = data.linkedin_integration.apply_connect.integration_context
  external_job_posting_id = "REQ-1077"
  title                   = "Site Reliability Engineer"
  description             = "Keep the payments platform fast and available: run our Kubernetes fleet, automate what hurts, lead incident reviews and teach the rest of us to build reliable services."
  location                = "Mountain View, CA"
  company_apply_url       = "https://careers.acme.example/jobs/REQ-1077" # where applicants go if LinkedIn Apply is off
  listed_at               = "2026-11-12T09:00:00Z"
  availability            = "PUBLIC" # LinkedIn Apply takes only public jobs

  # LinkedIn's onsiteApplyConfiguration, field for field in snake_case.
  onsite_apply_configuration = {
    job_application_webhook_url = "https://ats.acme.example/linkedin/applications"

    questions = {
      contact_information_questions = {
        cellphone_number_question_requirement = "REQUIRED"
      }
      resume_questions = {} # asked with LinkedIn's defaults (resume OPTIONAL)
      work_questions = {
        work_experience_question_set = {
          min_required = 1 # at least one position; up to 10 (LinkedIn's default repeat_limit)
        }
      }

      additional_questions = {
        custom_question_sets = [
          {
            questions = [
              {
                partner_question_identifier = "relocate"
                question_text               = "Are you willing to relocate to Mountain View?"
                required                    = true
                question_details = {
                  multiple_choice_question_details = {
                    preferred_form_component = "RADIO_BUTTONS" # a prerequisite must be RADIO_BUTTONS
                    choices = [
                      { symbolic_name = "YES", display_value = "Yes" },
                      { symbolic_name = "NO", display_value = "No" },
                    ]
                    favorable_multiple_choice_answer = { favorable_symbolic_names = ["YES"] }
                  }
                }
              },
              {
                # Asked only when the applicant answered "relocate" with YES.
                partner_question_identifier = "relocation_date"
                question_text               = "When could you move?"
                question_details = {
                  date_range_question_details = { start_label = "Earliest", end_label = "Latest" }
                }
                prerequisite_question_response = {
                  prerequisite_question = { partner_question_identifier = "relocate" }
                  prerequisite_response = { multiple_choice_answer_value = { symbolic_names = ["YES"] } }
                }
              },
            ]
          },
          {
            # A repeatable set: up to three references (no prerequisites in a repeatable set).
            repeat_limit = 3
            questions = [
              {
                partner_question_identifier = "reference_name"
                question_text               = "A reference's name"
                question_details            = { text_question_details = { max_length = 100 } }
              },
              {
                partner_question_identifier = "reference_email"
                question_text               = "Their e-mail address"
                question_details            = { text_question_details = { max_length = 200 } }
              },
            ]
          },
        ]
      }
    }
  }
}

output "backend_engineer_on_linkedin" {
  value = {
    url            = linkedin_job_posting.backend_engineer.job_posting_url
    listing_status = linkedin_job_posting.backend_engineer.listing_status
    expire_at      = linkedin_job_posting.backend_engineer.expire_at
  }
}

output "site_reliability_engineer_linkedin_apply" {
  value = linkedin_job_posting.site_reliability_engineer.linkedin_apply_status # ENABLED once LinkedIn called the webhook
}
