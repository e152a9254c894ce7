/**
 * The national office's operations, `office.<area>.<verb>`, one file per area. They run only on a session
 * opened as the office (the dispatcher refuses them on a province's with `wrong-role`).
 * Imported by the renderer: zod and pure values only.
 */
import { mergeFeatures } from '../mergeFeatures'
import { officeAuditOps } from './audit/contract'
import { officeBundlesOps } from './bundles/contract'
import { officeDuplicatesOps } from './duplicates/contract'
import { officeKeysOps } from './keys/contract'
import { officeProfileOps } from './profile/contract'
import { officeRegisterOps } from './register/contract'
import { officeResultsOps } from './results/contract'

export const officeOps = mergeFeatures({
  profile: officeProfileOps,
  keys: officeKeysOps,
  bundles: officeBundlesOps,
  register: officeRegisterOps,
  duplicates: officeDuplicatesOps,
  results: officeResultsOps,
  audit: officeAuditOps,
})

export type OfficeOps = typeof officeOps
