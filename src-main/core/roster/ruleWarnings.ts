/**
 * The rule warnings an import shows before committing: values that can be stored but will become check
 * findings (DESIGN §4). They come from the checks module itself — only the rules about a site's own values,
 * not those about attachments or training proof, which an import cannot have yet — so the preview and the
 * later check run say the same thing in the same words.
 */
import type { CampaignConfig } from '../campaign/preset'
import { RULES, type CheckAttachment, type CheckContext, type CheckSite, type DuplicateIndex, type RuleId, type TrainingClass } from '../checks'
import { cityInProvinceMemo } from '../checks/rules/region'
import type { SiteValues } from '../sites/draft'

const IMPORT_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'uscc-checksum',
  'phone-format',
  'email-format',
  'star-level',
  'application-window',
  'certificate-unknown',
  'duplicate-site',
  'type-fields',
  'city-in-province',
])

const RULES_FOR_IMPORT = RULES.filter((r) => IMPORT_RULES.has(r.id))

export interface RuleWarning {
  rule: RuleId
  /** The field the finding is about (a SiteValues key). */
  field: string
  message: string
}

export interface WarningContext {
  config: CampaignConfig
  province: string
  roster: ReadonlyMap<string, TrainingClass>
  duplicates: DuplicateIndex
}

const NO_ATTACHMENTS: ReadonlyMap<number, CheckAttachment[]> = new Map()

/**
 * The warnings of one row after another under one context: the check context is made once, not per row.
 * `id` identifies the site in the duplicate index: the existing site's id, or a negative id for a new row.
 */
export function warningsFor(ctx: WarningContext): (id: number, code: string, values: SiteValues) => RuleWarning[] {
  const checkCtx: CheckContext = { ...ctx, attachments: NO_ATTACHMENTS, cityInProvince: cityInProvinceMemo(ctx.province) }
  return (id, code, values) => {
    const site: CheckSite = { ...values, id, code }
    const out: RuleWarning[] = []
    for (const rule of RULES_FOR_IMPORT)
      for (const f of rule.evaluate(site, checkCtx)) out.push({ rule: f.rule, field: f.target, message: f.message })
    return out
  }
}
