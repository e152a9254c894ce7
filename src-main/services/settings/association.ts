import { findProvince } from '../../core/association/provinces'
import { AppError, invalid, type FieldProblem } from '../../core/errors'
import { presetForYear } from '../../core/campaign/preset'
import { cleanProse, cleanText } from '../../core/text'
import { getAssociation, putAssociation, type Association } from '../../db/repositories/association'
import { getActiveCampaign, getCampaignByYear, putCampaign, type Campaign } from '../../db/repositories/campaigns'
import { appendAudit } from '../../db/repositories/audit'
import type { AppContext } from '../context'

export interface AssociationInput {
  name: string
  shortName: string
  province: string
  docPrefix?: string
  address?: string
  contact?: string
  phone?: string
}

export interface Settings {
  association: Association | null
  campaign: Campaign | null
  dataDir: string
}

export function getSettings(app: AppContext): Settings {
  return { association: getAssociation(app.db), campaign: getActiveCampaign(app.db), dataDir: app.dataDir }
}

const FIELD_LABELS: Record<string, string> = {
  name: '协会名称',
  shortName: '简称',
  province: '省份',
  docPrefix: '文号前缀',
  address: '地址',
  contact: '联系人',
  phone: '电话',
}

/** Save the association profile; the first save also starts the campaign of `year` (default: this year). */
export function saveAssociation(app: AppContext, input: AssociationInput, year?: number): Settings {
  const a = {
    name: cleanProse(input.name),
    shortName: cleanProse(input.shortName),
    province: cleanText(input.province),
    docPrefix: cleanProse(input.docPrefix) || cleanProse(input.shortName),
    address: cleanProse(input.address),
    contact: cleanProse(input.contact),
    phone: cleanText(input.phone),
  }
  const problems: FieldProblem[] = []
  for (const f of ['name', 'shortName', 'province'] as const)
    if (!a[f]) problems.push({ field: f, message: `${FIELD_LABELS[f]}不能为空` })
  for (const [f, v] of Object.entries(a))
    if (v.length > 200) problems.push({ field: f, message: `${FIELD_LABELS[f]}过长（最多 200 字）` })
  const province = a.province ? findProvince(a.province) : null
  if (a.province && !province)
    problems.push({ field: 'province', message: `无法识别的省份“${a.province}”，请填写如“广东”或“广东省”` })
  if (problems.length) throw invalid(problems.map((p) => p.message).join('；'), problems)
  a.province = province!.short

  const now = app.now()
  app.db.transaction(() => {
    const before = getAssociation(app.db)
    putAssociation(app.db, a, now)
    appendAudit(
      app.db,
      {
        actor: app.actor,
        action: before ? 'update' : 'create',
        entity: 'association',
        entityId: 1,
        summary: before ? `修改协会信息：${a.name}` : `设置协会信息：${a.name}`,
        details: { before, after: a },
      },
      now,
    )
    const y = year ?? new Date(now).getFullYear()
    if (!getActiveCampaign(app.db) || (year !== undefined && !getCampaignByYear(app.db, y))) {
      putCampaign(app.db, presetForYear(y), now, true)
      appendAudit(
        app.db,
        { actor: app.actor, action: 'create', entity: 'campaign', entityId: y, summary: `开始 ${y} 年度评定活动` },
        now,
      )
    }
  })()
  return getSettings(app)
}

/** The site-code prefix (GD-2021-Y) needs both an association and an active campaign. */
export function requireSetup(app: AppContext): { association: Association; campaign: Campaign; provinceCode: string } {
  const association = getAssociation(app.db)
  const campaign = getActiveCampaign(app.db)
  if (!association || !campaign) {
    throw new AppError(
      'not-initialised',
      '尚未设置协会信息：请先在“设置”中填写协会名称、简称和省份（命令行：starsite init）',
    )
  }
  const province = findProvince(association.province)
  return { association, campaign, provinceCode: province?.code ?? 'XX' }
}
