/** The filled wording for the live preview in Settings: nothing is numbered, written or recorded. */
import { AppError } from '../../core/errors'
import { bodyItemText, contentToText, siteLetterContent, type LetterContent, type LetterSite } from '../../core/letters/content'
import { formatChineseDate, formatDocNo, localIsoDate } from '../../core/letters/docNo'
import type { LetterTemplates } from '../../core/letters/templates'
import { getAssociation } from '../../db/repositories/association'
import { LetterRepository } from '../../db/repositories/letters'
import type { AppContext } from '../context'
import { requireSetup } from '../settings/association'
import { attachmentsBySite } from './blocking'
import { getLetterSettings } from './settings'

/** Shown when no site is chosen yet, so the clerk sees every field filled. */
const SAMPLE_SITE: LetterSite = {
  code: 'XX-2021-Y001',
  name: '示例营业厅',
  type: 'hall',
  enterprise: '中国移动',
  recommender: '中国移动通信集团示例有限公司',
  city: '示例市',
  address: '示例市示例路 1 号',
  starLevel: 4,
  highlights: '',
}

export interface PreviewResult {
  title: string
  docNo: string
  paragraphs: string[]
  text: string
}

export function previewLetter(app: AppContext, input: { siteId?: number; template?: Partial<LetterTemplates> }): PreviewResult {
  const { campaign } = requireSetup(app)
  const association = getAssociation(app.db)!
  const settings = getLetterSettings(app)
  const repo = new LetterRepository(app.db)
  let site: LetterSite = SAMPLE_SITE
  let attachments: { kind: string; originalName: string }[] = [{ kind: 'superior-letter', originalName: '' }]
  let docNo: string | undefined
  let issuedOn = localIsoDate(app.now())
  if (input.siteId !== undefined) {
    const found = app.sites.get(input.siteId)
    if (!found || found.campaignId !== campaign.id) throw new AppError('not-found', `找不到编号为 ${input.siteId} 的现场`)
    site = found
    attachments = attachmentsBySite(app.db, campaign.id).get(found.id) ?? []
    const letter = repo.forSubject(campaign.id, 'site', found.id)
    if (letter) {
      docNo = letter.docNo
      issuedOn = letter.issuedOn
    }
  }
  const year = Number(issuedOn.slice(0, 4))
  docNo ??= formatDocNo(association.docPrefix, year, repo.peekNumber(year))
  const content: LetterContent = siteLetterContent({
    site,
    issuer: association,
    campaign: { year: campaign.year, name: campaign.config.name, noticeNo: campaign.config.noticeNo, nationalOffice: campaign.config.nationalOffice },
    templates: { ...settings.templates, ...(input.template ?? {}) },
    docNo,
    date: formatChineseDate(issuedOn),
    attachments,
  })
  return { title: content.title, docNo: content.docNo, paragraphs: content.body.map(bodyItemText), text: contentToText(content) }
}
