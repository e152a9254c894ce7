/** Rules about the site's own fields: required ones present, a known type, type-specific figures. */
import { ATTACHMENT_KIND_LABELS } from '../../campaign/preset'
import { REQUIRED_SITE_FIELDS, SITE_FIELD_LABELS, SITE_TYPES, SITE_TYPE_INFO } from '../../sites/fields'
import { cleanText } from '../../text'
import { finding, type CheckSite, type Rule } from '../types'

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'number' ? v === 0 : cleanText(v) === '')

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
    const kinds = new Set((ctx.attachments.get(site.id) ?? []).map((a) => a.kind))
    for (const kind of ctx.config.requiredAttachments) {
      if (kind === 'superior-letter' || kinds.has(kind)) continue
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
