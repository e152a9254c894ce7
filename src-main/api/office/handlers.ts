/** The office's handlers, merged like its contract; each gets the office's context (never a province's). */
import type { OfficeHandlersFor } from '../handler'
import { mergeFeatures } from '../mergeFeatures'
import { officeAuditHandlers } from './audit/handlers'
import { officeBundlesHandlers } from './bundles/handlers'
import type { OfficeOps } from './contract'
import { officeDuplicatesHandlers } from './duplicates/handlers'
import { officeKeysHandlers } from './keys/handlers'
import { officeProfileHandlers } from './profile/handlers'
import { officeRegisterHandlers } from './register/handlers'
import { officeResultsHandlers } from './results/handlers'

export const officeHandlers: OfficeHandlersFor<OfficeOps> = mergeFeatures({
  profile: officeProfileHandlers,
  keys: officeKeysHandlers,
  bundles: officeBundlesHandlers,
  register: officeRegisterHandlers,
  duplicates: officeDuplicatesHandlers,
  results: officeResultsHandlers,
  audit: officeAuditHandlers,
})
