/**
 * Every province handler, merged into one table keyed like the province's part of the contract; the compiler
 * checks none is missing or doubled. The office's are in office/handlers.ts, the shared ones in session/handlers.ts.
 */
import type { provinceOps } from './contract'
import type { HandlersFor } from './handler'
import { mergeFeatures } from './mergeFeatures'
import { auditHandlers } from './audit/handlers'
import { maintenanceHandlers } from './maintenance/handlers'
import { settingsHandlers } from './settings/handlers'
import { sitesHandlers } from './sites/handlers'
import { rosterHandlers } from './roster/handlers'
import { attachmentsHandlers } from './attachments/handlers'
import { trainingHandlers } from './training/handlers'
import { bundleHandlers } from './bundle/handlers'
import { keysHandlers } from './keys/handlers'
import { backupHandlers } from './backup/handlers'
import { checksHandlers } from './checks/handlers'
import { campaignHandlers } from './campaign/handlers'
import { lettersHandlers } from './letters/handlers'
import { resultsHandlers } from './results/handlers'

export const handlers: HandlersFor<typeof provinceOps> = mergeFeatures({
  settings: settingsHandlers,
  sites: sitesHandlers,
  roster: rosterHandlers,
  attachments: attachmentsHandlers,
  training: trainingHandlers,
  audit: auditHandlers,
  maintenance: maintenanceHandlers,
  bundle: bundleHandlers,
  keys: keysHandlers,
  backup: backupHandlers,
  checks: checksHandlers,
  campaign: campaignHandlers,
  letters: lettersHandlers,
  results: resultsHandlers,
})
