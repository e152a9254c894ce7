/**
 * The year's campaign settings (DESIGN §3): read, save (validated, audited, checks re-run because the rules
 * depend on them), and start the next year from a copy of this one.
 */
import { campaignConfigSchema, shiftCampaignYear, type CampaignConfig } from '../../core/campaign/preset'
import { AppError } from '../../core/errors'
import { appendAudit } from '../../db/repositories/audit'
import { getActiveCampaign, getCampaignByYear, putCampaign, type Campaign } from '../../db/repositories/campaigns'
import { runChecksSync } from '../checks/engine'
import type { AppContext } from '../context'
import { requireSetup } from '../settings/association'

export function getCampaign(app: AppContext): Campaign {
  const campaign = getActiveCampaign(app.db)
  if (!campaign)
    throw new AppError('not-initialised', '尚未开始任何年度的评定活动：请先在“设置”中填写协会信息（命令行：starsite init）')
  return campaign
}

const KEY_LABELS: Record<keyof CampaignConfig, string> = {
  year: '年度',
  name: '活动名称',
  noticeNo: '通知文号',
  applicationWindow: '申报期',
  resultBatches: '结果发布批次',
  starLevels: '可申报星级',
  requiredAttachments: '必备附件',
  trainingProof: '培训证明方式',
  acceptedClasses: '认可的培训班',
  attachmentTypes: '附件文件类型',
  maxAttachmentMb: '附件大小上限',
  nationalOffice: '全国推进办公室',
}

/** Save the active campaign's config. The year cannot change here: that is startNext's job. */
export function saveCampaign(app: AppContext, input: unknown): Campaign {
  const config = campaignConfigSchema.parse(input)
  const current = getCampaign(app)
  if (config.year !== current.year)
    throw new AppError(
      'invalid-input',
      `不能在这里把年度从 ${current.year} 改为 ${config.year}：请用“开始下一年度”建立新年度的活动`,
      { problems: [{ field: 'year', message: '年度不能修改' }] },
    )
  const changed = (Object.keys(KEY_LABELS) as (keyof CampaignConfig)[]).filter(
    (k) => JSON.stringify(config[k]) !== JSON.stringify(current.config[k]),
  )
  if (!changed.length) return current
  const now = app.now()
  const saved = app.db.transaction(() => {
    const c = putCampaign(app.db, config, now, false)
    appendAudit(
      app.db,
      {
        actor: app.actor,
        action: 'update',
        entity: 'campaign',
        entityId: config.year,
        summary: `修改 ${config.year} 年度评定活动设置：${changed.map((k) => KEY_LABELS[k]).join('、')}`,
        details: { before: Object.fromEntries(changed.map((k) => [k, current.config[k]])), after: Object.fromEntries(changed.map((k) => [k, config[k]])) },
      },
      now,
    )
    return c
  })()
  rerunIfSetUp(app)
  return saved
}

/** Copy the active campaign to the next year, dates shifted, and make it the active one. */
export function startNextCampaign(app: AppContext): Campaign {
  const current = getCampaign(app)
  const year = current.year + 1
  if (getCampaignByYear(app.db, year))
    throw new AppError('conflict', `${year} 年度的评定活动已经存在，不能重复开始`)
  const next = shiftCampaignYear(current.config, year)
  const now = app.now()
  const saved = app.db.transaction(() => {
    const c = putCampaign(app.db, next, now, true)
    appendAudit(
      app.db,
      {
        actor: app.actor,
        action: 'create',
        entity: 'campaign',
        entityId: year,
        summary: `开始 ${year} 年度评定活动（沿用 ${current.year} 年度设置，日期顺延一年）`,
        details: { from: current.year, config: next },
      },
      now,
    )
    return c
  })()
  rerunIfSetUp(app)
  return saved
}

/** Findings follow the rules: re-judge every site once the association is set up (no sites before that). */
function rerunIfSetUp(app: AppContext): void {
  try {
    requireSetup(app)
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-initialised') return
    throw error
  }
  runChecksSync(app)
}
