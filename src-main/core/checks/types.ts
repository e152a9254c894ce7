/** The shapes rules work on. Pure data: the engine (services/checks) loads it, the rules only read it. */
import type { ATTACHMENT_KINDS, CampaignConfig, TRAINING_CLASSES } from '../campaign/preset'
import type { BoundedMemo } from '../memo'
import type { SiteValues } from '../sites/draft'
import type { RuleId, Severity } from './ids'

export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number]
export type TrainingClass = (typeof TRAINING_CLASSES)[number]

/** A site as the rules see it; `type` is a plain string so an unreadable type can be reported, not crash. */
export interface CheckSite extends Omit<SiteValues, 'type' | 'starLevel'> {
  id: number
  code: string
  type: string
  starLevel: number | null
}

export type IntegrityProblem = 'missing' | 'size-mismatch' | 'hash-mismatch'

export interface CheckAttachment {
  id: number
  kind: AttachmentKind
  originalName: string
  /** null when the stored file was found intact (or not examined). */
  integrity: IntegrityProblem | null
}

/** A site's identity in the duplicate index. */
export interface SiteRef {
  id: number
  code: string
  name: string
}

export interface DuplicateIndex {
  byNameCity: ReadonlyMap<string, SiteRef[]>
  byAddress: ReadonlyMap<string, SiteRef[]>
  /**
   * By site id, the keys each indexed site was filed under and the values they came from: the duplicate rule
   * reuses them for a site whose name, city and address are still those values instead of recomputing them.
   */
  keysOf?: ReadonlyMap<number, IndexedKeys>
}

export interface IndexedKeys {
  name: string
  city: string
  address: string
  nameCityKey: string
  addressKey: string
}

export interface CheckContext {
  config: CampaignConfig
  /** The association's province ('' when unknown: city-in-province then says nothing). */
  province: string
  attachments: ReadonlyMap<number, CheckAttachment[]>
  /** Training roster: certificate number (upper case) -> class. Empty map = no roster loaded. */
  roster: ReadonlyMap<string, TrainingClass>
  duplicates: DuplicateIndex
  /**
   * City-in-province answers for `province`, remembered over the run (rules/region.ts · cityInProvinceMemo);
   * without one each site's city is looked up afresh.
   */
  cityInProvince?: BoundedMemo<string, boolean>
}

export interface FindingDraft {
  rule: RuleId
  severity: Severity
  /** The field (e.g. 'phone') or attachment kind (e.g. 'superior-letter') the finding is about. */
  target: string
  message: string
  /** Stable identity across re-runs: rule + target (+ detail). Waivers hang on it. */
  fingerprint: string
}

export interface Rule {
  id: RuleId
  severity: Severity
  evaluate(site: CheckSite, ctx: CheckContext): FindingDraft[]
}

export function fingerprintOf(rule: RuleId, target: string, detail?: string | number): string {
  return detail === undefined || detail === '' ? `${rule}:${target}` : `${rule}:${target}:${detail}`
}

/** A finding of `rule` at its usual severity. */
export function finding(
  rule: Rule | { id: RuleId; severity: Severity },
  target: string,
  message: string,
  options: { detail?: string | number; severity?: Severity } = {},
): FindingDraft {
  return {
    rule: rule.id,
    severity: options.severity ?? rule.severity,
    target,
    message,
    fingerprint: fingerprintOf(rule.id, target, options.detail),
  }
}
