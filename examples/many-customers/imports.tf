# Customers whose child application existed before this configuration (existing = true in
# customers.auto.tfvars, credentials in var.existing_credentials): what they have on LinkedIn already is
# imported, not created. An import ID ends in "@<customer key>": the customer whose credentials read it.
# Import blocks of resources already in the state do nothing, so these can stay.

locals {
  existing_active = { for key, c in local.active : key => c if var.customers[key].existing }
}

# Integrations: the customer enabled them in LinkedIn. (Creating one adopts what the customer enabled too; the
# import shows it as an import in the plan, with the name it has on LinkedIn.)
import {
  for_each = local.existing_active
  to       = linkedin_integration.one_click_export[each.key]
  id       = "${each.value.organization}/ONE_CLICK_EXPORT/RECRUITER@${each.key}"
}

import {
  for_each = local.existing_active
  to       = linkedin_integration.in_ats_indicator[each.key]
  id       = "${each.value.organization}/IN_ATS_INDICATOR/RECRUITER@${each.key}"
}

# Jobs posted before. Without the import, LinkedIn would refuse the create as a duplicate of the external id and
# the provider would adopt the job (with a warning), sending the configured job as an update, or as a renewal
# that lists the job again if it was closed. Imported, the plan shows any difference before anything is sent.
import {
  for_each = { for key, job in local.jobs : key => job if var.customers[job.customer].existing }
  to       = linkedin_job_posting.job[each.key]
  id       = "${each.value.id}@${each.value.customer}"
}

# Configuration keys need no import: LinkedIn's call that sets one replaces whatever value it had, so the
# first apply sets them to the values above. To see the difference first, import those that are set, e.g.
#   import {
#     for_each = local.existing_active
#     to       = linkedin_integration_configuration.callback_url[each.key]
#     id       = "${each.value.organization}/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL@${each.key}"
#   }
