/** Rules about the site's own fields: required ones present, a known type, type-specific figures. */
import { ATTACHMENT_KIND_LABELS } from '../../campaign/preset'
import { REQUIRED_SITE_FIELDS, SITE_FIELD_LABELS, SITE_TYPES, SITE_TYPE_INFO } from '../../sites/fields'
import { cleanText } from '../../text'
import { finding, type CheckAttachment, type CheckSite, type Rule } from '../types'

/**
 * What cleanText reduces to '': nothing but whitespace (JS \s, which includes U+3000 and U+00A0) and the
 * invisible characters it strips (same ranges as core/text's INVISIBLE). Full-width ASCII becomes visible
 * ASCII there, never blank. One regex scan instead of cleanText's five passes and four new strings: this runs
 * for every required field of every site on each check run.
 */
// eslint-disable-next-line no-control-regex
const BLANK = /^[\s\u00A0\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069]*$/

const isBlank = (v: unknown) =>
  v === null || v === undefined || (typeof v === 'number' ? v === 0 : typeof v === 'string' ? BLANK.test(v) : cleanText(v) === '')

const NONE: readonly CheckAttachment[] = []

export const requiredFieldRule: Rule = {
  id: 'required-field',
  severity: 'error',
  evaluate(site, ctx) {
    const out = []
    for (const f of REQUIRED_SITE_FIELDS) {
      if (!isBlank(site[f as keyof CheckSite])) continue
      out.push(finding(this, f, `${SITE_FIELD_LABELS[f]}不能为空，请补填`))
    }
    // Attachments the campaign requires besides the superior letter (that one has its own rule and message).
    // A site has a handful of attachments: a scan of them beats building a Set per site.
    const attachments = ctx.attachments.get(site.id) ?? NONE
    for (const kind of ctx.config.requiredAttachments) {
      if (kind === 'superior-letter' || attachments.some((a) => a.kind === kind)) continue
      out.push(finding(this, kind, `本年度要求附${ATTACHMENT_KIND_LABELS[kind]}，请补充上传`))
    }
    return out
  },
}

export const siteTypeRule: Rule = {
  id: 'site-type',
  severity: 'error',
  evaluate(site) {
    if (isBlank(site.type) || (SITE_TYPES as readonly string[]).includes(site.type)) return []
    const names = SITE_TYPES.map((t) => SITE_TYPE_INFO[t].label).join('、')
    return [finding(this, 'type', `现场类型“${site.type}”不是可申报的类型，应为${names}之一，请更正`)]
  },
}

export const typeFieldsRule: Rule = {
  id: 'type-fields',
  severity: 'warning',
  evaluate(site) {
    if (site.type === 'hall' && !(site.areaSqm && site.areaSqm > 0))
      return [finding(this, 'areaSqm', '营业厅未填写营业面积（平方米），评定需要此项，请补填')]
    if (site.type === 'callcenter' && !(site.seats && site.seats > 0))
      return [finding(this, 'seats', '客服中心未填写坐席数，评定需要此项，请补填')]
    return []
  },
}
