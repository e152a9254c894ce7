/** Every check rule, in the order of DESIGN §5, and the one function that applies them to a site. */
import { RULE_IDS } from './ids'
import { attachmentIntegrityRule, superiorLetterRule } from './rules/attachments'
import { applicationWindowRule, starLevelRule } from './rules/campaign'
import { emailRule, phoneRule, usccRule } from './rules/contact'
import { duplicateSiteRule } from './rules/duplicates'
import { requiredFieldRule, siteTypeRule, typeFieldsRule } from './rules/fields'
import { cityInProvinceRule } from './rules/region'
import { certificateUnknownRule, trainingProofRule } from './rules/training'
import type { CheckContext, CheckSite, FindingDraft, Rule } from './types'

export const RULES: readonly Rule[] = [
  requiredFieldRule,
  siteTypeRule,
  usccRule,
  phoneRule,
  emailRule,
  starLevelRule,
  applicationWindowRule,
  superiorLetterRule,
  trainingProofRule,
  certificateUnknownRule,
  duplicateSiteRule,
  attachmentIntegrityRule,
  typeFieldsRule,
  cityInProvinceRule,
]

// A rule added to RULE_IDS but not here (or the reverse) would silently never run: fail at load instead.
if (RULES.length !== RULE_IDS.length || RULES.some((r, i) => r.id !== RULE_IDS[i]))
  throw new Error('internal: RULES and RULE_IDS disagree')

/** All findings of one site; fingerprints are unique per site (the findings table requires it). */
export function evaluateSite(site: CheckSite, ctx: CheckContext): FindingDraft[] {
  // A site has a few findings at most: a scan of those kept beats a Set of fingerprints per site.
  const out: FindingDraft[] = []
  for (const rule of RULES) {
    for (const f of rule.evaluate(site, ctx)) {
      if (out.length && out.some((o) => o.fingerprint === f.fingerprint)) continue
      out.push(f)
    }
  }
  return out
}

export * from './ids'
export * from './types'
