/**
 * THE contract: every operation once, by name, with its input and output schemas. IPC registration, the
 * preload bridge, the HTTP routes and the renderer client are all derived from this table.
 *
 * Imported by the renderer (tsconfig.web.json): keep it and its imports free of Node code.
 */
import type { z } from 'zod'
import { mergeFeatures } from './mergeFeatures'
import { auditOps } from './audit/contract'
import { jobsOps } from './jobs/contract'
import { maintenanceOps } from './maintenance/contract'
import { settingsOps } from './settings/contract'
import { sitesOps } from './sites/contract'
import { rosterOps } from './roster/contract'
import { attachmentsOps } from './attachments/contract'
import { trainingOps } from './training/contract'
import { bundleOps } from './bundle/contract'
import { keysOps } from './keys/contract'
import { backupOps } from './backup/contract'
import { checksOps } from './checks/contract'
import { campaignOps } from './campaign/contract'
import { lettersOps } from './letters/contract'
import { resultsOps } from './results/contract'
import { sessionOps } from './session/contract'
import { officeOps } from './office/contract'

export { officeOps }

/** The province's (省级协会) operations: refused on a session opened as the national office. */
export const provinceOps = mergeFeatures({
  settings: settingsOps,
  sites: sitesOps,
  roster: rosterOps,
  attachments: attachmentsOps,
  training: trainingOps,
  audit: auditOps,
  maintenance: maintenanceOps,
  bundle: bundleOps,
  keys: keysOps,
  backup: backupOps,
  checks: checksOps,
  campaign: campaignOps,
  letters: lettersOps,
  results: resultsOps,
})

/** Operations of either role: the session itself, and cancelling a job. */
export const sharedOps = mergeFeatures({ session: sessionOps, jobs: jobsOps })

export const contract = mergeFeatures({ province: provinceOps, shared: sharedOps, office: officeOps })

export type ProvinceOpName = keyof typeof provinceOps
export type SharedOpName = keyof typeof sharedOps
export type OfficeOpName = keyof typeof officeOps
export type Contract = typeof contract
export type OpName = keyof Contract
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>
export type JobOpName = { [K in OpName]: Contract[K] extends { job: true } ? K : never }[OpName]

export const OP_NAMES = Object.keys(contract) as OpName[]

export type { Envelope, ErrorShape, JobEventShape } from './define'
export type Site = z.output<typeof import('./sites/contract').siteSchema>
export type Settings = z.output<typeof import('./settings/contract').settingsSchema>
export type AuditEntry = z.output<typeof import('./audit/contract').auditEntrySchema>
export type { Role } from './session/contract'
export type SessionInfo = z.output<typeof import('./session/contract').sessionSchema>

// Vocabulary the UI shows, re-exported so the renderer needs no other import from src-main.
export * from './vocabulary'
export type { StarsiteBridge, FileFilter, CoreStatus } from './bridge'
export type { RuleId, Severity } from '../core/checks/ids'
export type Finding = z.output<typeof import('./checks/contract').findingSchema>
export type CheckSummary = z.output<typeof import('./checks/contract').checkSummarySchema>
export type BlockingSite = z.output<typeof import('./checks/contract').blockingSiteSchema>
