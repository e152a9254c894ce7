/**
 * 'results.notify': one notification letter (评定结果通知) per 推荐单位, listing its sites' results in an annex
 * table, laid out by the letters builder (GB/T 9704, same format and fonts as the 推荐函) and issued like one
 * (services/letters/issue.ts): a 文号 from the notices' own counter (letters of kind 'notice', one per 推荐单位
 * and campaign), kept with its 成文日期 when the notice is generated again.
 */
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../core/errors'
import { cleanDocLine } from '../../core/letters/clean'
import type { LetterContent } from '../../core/letters/content'
import { noticeDocPrefix } from '../../core/letters/docNo'
import { safeFileName } from '../../core/files/safeName'
import { nameKey } from '../../core/text'
import { typesetChinese as printed } from '../../core/typeset'
import { appendAudit } from '../../db/repositories/audit'
import { LetterRepository } from '../../db/repositories/letters'
import type { AppContext } from '../context'
import type { JobHandle } from '../jobs'
import { issueLetters } from '../letters/issue'
import { getLetterSettings } from '../letters/settings'
import { requireSetup } from '../settings/association'
import { listResultsView, type SiteResultItem } from './list'

export interface NotifyResult {
  dir: string
  files: { recommender: string; path: string; sites: number; docNo: string }[]
}

function content(
  issuer: string,
  office: string,
  year: number,
  recommender: string,
  items: SiteResultItem[],
  docNo: string,
  date: string,
): LetterContent {
  const rated = items.filter((i) => i.outcome === 'rated').length
  const batches = [...new Set(items.map((i) => i.batch).filter(Boolean))].join('、')
  const annexTitle = `${year}年星级服务现场评定结果`
  return {
    issuer: cleanDocLine(printed(issuer)),
    docNo,
    title: `关于${year}年星级服务现场评定结果的通知`,
    addressee: `${cleanDocLine(printed(recommender))}：`,
    body: [
      `根据${cleanDocLine(office)}公布的${year}年${cleanDocLine(batches)}星级服务现场评定结果，贵单位推荐的 ${items.length} 个服务现场中，${rated} 个获评星级服务现场${items.length > rated ? `，${items.length - rated} 个未通过评定` : ''}。各现场的评定结果见附件。`,
      '请贵单位安排专人领取证书和标牌，领取时请携带单位介绍信，并由经办人签字确认。',
      '特此通知。',
    ],
    attachments: [annexTitle],
    signature: cleanDocLine(printed(issuer)),
    date,
    annex: {
      label: '附件',
      title: annexTitle,
      starTitle: '评定结果',
      rows: items.map((i) => ({
        code: cleanDocLine(i.site.code),
        name: cleanDocLine(printed(i.site.name)),
        type: i.site.type,
        recommender: cleanDocLine(printed(i.site.recommender)),
        star: i.outcomeText,
      })),
    },
  }
}

export async function notifyRecommenders(app: AppContext, input: { outDir?: string }, job?: JobHandle): Promise<NotifyResult> {
  const { association, campaign } = requireSetup(app)
  if (!association.docPrefix) throw new AppError('not-initialised', '尚未设置文号前缀：请在“设置”中填写协会的文号前缀（如 粤通协）')
  const { sites } = listResultsView(app)
  if (!sites.length) throw new AppError('conflict', '还没有记入现场的评定结果：请先导入结果并“应用结果”或逐条确认')
  // One letter per 推荐单位 by its key: `…（广州）` stored as typed and `…(广州)` stored by the old cleaner are
  // the same unit; the letter is addressed as the first of its sites names it.
  const groups = new Map<string, SiteResultItem[]>()
  for (const s of sites) {
    const key = nameKey(s.site.recommender)
    groups.set(key, [...(groups.get(key) ?? []), s])
  }
  const settings = getLetterSettings(app)
  const dir = path.resolve(input.outDir ?? path.join(app.dataDir, 'outputs', '评定结果通知'))
  fs.mkdirSync(dir, { recursive: true })
  // The notice's subject is the unit's key, so a name retyped with other brackets keeps its 文号.
  const requests = [...groups].map(([key, items]) => ({
    kind: 'notice' as const,
    siteId: null,
    recipient: key,
    recommender: items[0].site.recommender,
    campaignId: campaign.id,
    docPrefix: noticeDocPrefix(association.docPrefix),
    target: path.join(dir, safeFileName(`${items[0].site.recommender}_${campaign.year}年评定结果通知.docx`)),
    items,
    content: (docNo: string, date: string) =>
      content(association.name, campaign.config.nationalOffice.name, campaign.year, items[0].site.recommender, items, docNo, date),
  }))
  const files: NotifyResult['files'] = []
  job?.progress('生成通知函', 0, requests.length)
  // A notice is issued like a 推荐函: its 文号 and 成文日期 are kept when it is generated again.
  await issueLetters(app, new LetterRepository(app.db), { format: settings.format, fonts: settings.fonts }, requests, job, (letter, req) => {
    files.push({ recommender: req.recommender, path: letter.filePath, sites: req.items.length, docNo: letter.docNo })
    job?.progress('生成通知函', files.length, requests.length)
  })
  appendAudit(
    app.db,
    {
      actor: app.actor,
      action: 'generate',
      entity: 'results',
      summary: `生成评定结果通知函 ${files.length} 份`,
      details: { dir, files: files.map((f) => ({ recommender: f.recommender, docNo: f.docNo, sites: f.sites })) },
    },
    app.now(),
  )
  return { dir, files }
}
