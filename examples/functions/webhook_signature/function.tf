# The X-LI-Signature of a notification body, for example to send a signed test notification to a receiver:
#   curl -H "X-LI-Signature: $(terraform output -raw test_signature)" --data-binary @notification.json https://hooks.example.com/linkedin
locals {
  test_notification = jsonencode({
    type                    = "JOB_POSTING_STATUS"
    externalJobPostingId    = "REQ-1042"
    developerApplicationUrn = "urn:li:developerApplication:1001"
    notificationId          = "test-1"
    listingStatus           = "NOT_LISTED"
  })
}

variable "client_secret" {
  type      = string
  sensitive = true
}

output "test_notification" {
  value = local.test_notification
}

output "test_signature" {
  value     = provider::linkedin::webhook_signature(local.test_notification, var.client_secret)
  sensitive = true
}
