/** Every handler, merged into one table keyed like the contract; the compiler checks none is missing. */
import type { Contract } from './contract'
import type { HandlersFor } from './handler'
import { auditHandlers } from './audit/handlers'
import { jobsHandlers } from './jobs/handlers'
import { maintenanceHandlers } from './maintenance/handlers'
import { settingsHandlers } from './settings/handlers'
import { sitesHandlers } from './sites/handlers'

export const handlers: HandlersFor<Contract> = {
  ...settingsHandlers,
  ...sitesHandlers,
  ...auditHandlers,
  ...jobsHandlers,
  ...maintenanceHandlers,
}
