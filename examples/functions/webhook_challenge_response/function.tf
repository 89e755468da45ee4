# The value a Job Status Change Notifications webhook answers to
# GET <url>?challengeCode=a3c2c9b4-6f1e-4f7e-9d2a-1b2c3d4e5f60
output "challenge_response" {
  value     = provider::linkedin::webhook_challenge_response("a3c2c9b4-6f1e-4f7e-9d2a-1b2c3d4e5f60", var.client_secret)
  sensitive = true
}

variable "client_secret" {
  type      = string
  sensitive = true
}
