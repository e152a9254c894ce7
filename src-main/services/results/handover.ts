/** 'results.handover': when the certificate and the plaque were collected for a site, and by whom (经办人). */
import { AppError, invalid } from '../../core/errors'
import { parseDate } from '../../core/sites/normalize'
import { cleanProse, cleanText } from '../../core/text'
import { appendAudit } from '../../db/repositories/audit'
import { getSiteResult, putHandover, type SiteResultRecord } from '../../db/repositories/results'
import type { AppContext } from '../context'

export interface HandoverInput {
  siteId: number
  certificateReceivedOn?: string | null
  plaqueReceivedOn?: string | null
  handler?: string | null
}

function readDate(value: string | null | undefined, label: string): string | null {
  const text = cleanText(value)
  if (!text) return null
  const iso = parseDate(text)
  if (!iso) throw invalid(`${label}“${text}”无法识别，请写成 2021-07-15 或 2021年7月15日`, [{ field: label, message: '日期无法识别' }])
  return iso
}

const show = (v: string | null) => v || '（空）'

export function recordHandover(app: AppContext, input: HandoverInput): SiteResultRecord {
  const before = getSiteResult(app.db, input.siteId)
  const site = app.sites.get(input.siteId)
  if (!before || !site) throw new AppError('not-found', '该现场还没有记录评定结果，无法登记证书和标牌领取')
  const next = {
    certificateReceivedOn: input.certificateReceivedOn === undefined ? before.certificateReceivedOn : readDate(input.certificateReceivedOn, '证书领取日期'),
    plaqueReceivedOn: input.plaqueReceivedOn === undefined ? before.plaqueReceivedOn : readDate(input.plaqueReceivedOn, '标牌领取日期'),
    handler: input.handler === undefined ? before.handler : cleanProse(input.handler).slice(0, 50),
  }
  const changes: string[] = []
  if (next.certificateReceivedOn !== before.certificateReceivedOn)
    changes.push(`证书领取日期：${show(before.certificateReceivedOn)} → ${show(next.certificateReceivedOn)}`)
  if (next.plaqueReceivedOn !== before.plaqueReceivedOn)
    changes.push(`标牌领取日期：${show(before.plaqueReceivedOn)} → ${show(next.plaqueReceivedOn)}`)
  if (next.handler !== before.handler) changes.push(`经办人：${show(before.handler)} → ${show(next.handler)}`)
  if (changes.length) {
    const now = app.now()
    app.db.transaction(() => {
      putHandover(app.db, input.siteId, next, now)
      appendAudit(
        app.db,
        { actor: app.actor, action: 'update', entity: 'site', entityId: input.siteId, summary: `证书标牌领取 ${site.code}：${changes.join('；')}` },
        now,
      )
    })()
  }
  return getSiteResult(app.db, input.siteId)!
}
