# `make demo` copies this file next to examples/quickstart: the customer's child application posts a job with
# LinkedIn Apply (Apply Connect). Applicants apply on LinkedIn and LinkedIn delivers each application to
# job_application_webhook_url, here the example receiver (examples/apply-connect-receiver) on a loopback port.

variable "apply_webhook_url" {
  description = "Where LinkedIn delivers applications: https://, or http:// on a loopback host as in the demo."
  type        = string
}

resource "linkedin_job_posting" "warehouse_lead" {
  provider = linkedin.customer

  integration_context     = var.organization
  external_job_posting_id = "REQ-2001"
  title                   = "Warehouse Team Lead"
  description             = "Lead a team of twelve in our Austin warehouse: planning shifts, coaching people and keeping every order on time and safe."
  location                = "Austin, TX"
  company_apply_url       = "https://careers.acme.example/jobs/REQ-2001"
  listed_at               = "2026-11-02T09:00:00Z"
  availability            = "PUBLIC"

  onsite_apply_configuration = {
    job_application_webhook_url = var.apply_webhook_url
    questions = {
      contact_information_questions = {} # name and email, plus LinkedIn's defaults (cellphone optional)
      resume_questions              = { resume_question_requirement = "REQUIRED" }
      additional_questions = {
        custom_question_sets = [{
          questions = [
            {
              partner_question_identifier = "forklift"
              question_text               = "Do you hold a forklift licence?"
              required                    = true
              question_details = {
                multiple_choice_question_details = {
                  preferred_form_component = "RADIO_BUTTONS"
                  choices = [
                    { symbolic_name = "YES", display_value = "Yes" },
                    { symbolic_name = "NO", display_value = "No" },
                  ]
                }
              }
            },
            {
              # Asked only to applicants who answered YES above.
              partner_question_identifier = "forklift_years"
              question_text               = "For how many years?"
              question_details = {
                numeric_question_details = {
                  integer_question_details = { min_value = 0, max_value = 50 }
                }
              }
              prerequisite_question_response = {
                prerequisite_question = { partner_question_identifier = "forklift" }
                prerequisite_response = { multiple_choice_answer_value = { symbolic_names = ["YES"] } }
              }
            },
          ]
        }]
      }
    }
  }
}

output "linkedin_apply" {
  value = {
    status = linkedin_job_posting.warehouse_lead.linkedin_apply_status
    detail = try(linkedin_job_posting.warehouse_lead.linkedin_apply_status_detail.status_message, null)
  }
}
