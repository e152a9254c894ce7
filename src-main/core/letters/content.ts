/**
 * What a letter says, before any layout: the pure model the docx builder lays out and the preview shows.
 * Every user string is cleaned here, so the builder never sees a character Word cannot read, and typeset
 * (typesetChinese): a letter is printed Chinese, so ASCII brackets or commas a person typed around Chinese
 * text print full-width, while the stored value keeps what was typed.
 */
import { ATTACHMENT_KINDS, ATTACHMENT_KIND_LABELS } from '../campaign/preset'
import { SITE_TYPE_INFO, starLabel, type SiteType } from '../sites/fields'
import { typesetChinese as printed } from '../typeset'
import { cleanDocLine } from './clean'
import { fillLine, fillTemplate, type FieldValues } from './templates'
import type { LetterTemplates } from './templates'

export interface LetterSite {
  code: string
  name: string
  type: SiteType
  enterprise: string
  recommender: string
  city: string
  address: string
  starLevel: number
  highlights: string
}

export interface LetterIssuer {
  name: string
  shortName: string
  contact: string
  phone: string
}

export interface LetterCampaign {
  year: number
  name: string
  noticeNo: string
  nationalOffice: { name: string }
}

export interface LetterAttachment {
  kind: string
  originalName: string
}

export interface AnnexRow {
  code: string
  name: string
  type: string
  recommender: string
  star: string
}

/** One changed site in the annex of a 回执 for a re-sent bundle. */
export interface ChangeRow {
  change: '新增' | '撤回' | '改动'
  code: string
  name: string
  /** The changed fields' labels joined by 、 (改动 only; empty otherwise). */
  fields: string
}

/** The annex page of a cover letter or a results notice: a list of sites. */
export interface SitesAnnex {
  label: string
  title: string
  rows: AnnexRow[]
  /** Heading of the last column; default 申报星级. */
  starTitle?: string
}

/** The annex page of a 回执: the sites a re-sent bundle changed, and a note of any left out. */
export interface ChangesAnnex {
  label: string
  title: string
  changes: ChangeRow[]
  /** A paragraph under the table (how many more there are). */
  note?: string
}

/**
 * A label and a long value (a hash, a key fingerprint), not justified: on a line of its own under the label,
 * or (`sameLine`) right after it, a value in groups then wrapping only between its groups.
 */
export interface LabelledValue {
  label: string
  value: string
  sameLine?: boolean
}

/** A body paragraph: text, or a labelled value that must not be justified or split where a reader misreads it. */
export type BodyItem = string | LabelledValue

export const bodyItemText = (item: BodyItem): string => (typeof item === 'string' ? item : `${item.label}${item.value}`)

export interface LetterContent {
  issuer: string
  docNo: string
  title: string
  /** 主送机关, ending with a full-width colon. */
  addressee: string
  body: BodyItem[]
  /** The bundle's signing-key fingerprint, on a line of its own after the body (cover letter only). */
  fingerprint?: string
  /** 附件说明 items, without their numbers. */
  attachments: string[]
  /** 发文机关署名; a long one may hold `\n` where its lines break. */
  signature: string
  /** 成文日期, e.g. 2021年6月1日. */
  date: string
  /** The annex page: a list of sites (cover letter, results notice) or of changed sites (回执). */
  annex?: SitesAnnex | ChangesAnnex
}

const STANDARD_TITLES: Record<SiteType, string> = {
  hall: '《电信业务实体营业厅服务等级划分和评定》',
  callcenter: '《电信业务客服中心服务等级划分和评定》',
  installation: '《电信业务安装维修服务中心服务等级划分和评定》',
}

export const FINGERPRINT_LABEL = '报送包签名公钥指纹：'

function commonValues(issuer: LetterIssuer, campaign: LetterCampaign, docNo: string, date: string): FieldValues {
  return {
    协会名称: printed(issuer.name),
    协会简称: printed(issuer.shortName),
    联系人: printed(issuer.contact),
    联系电话: issuer.phone,
    年度: String(campaign.year),
    活动名称: campaign.name,
    通知文号: campaign.noticeNo,
    主送机关: campaign.nationalOffice.name,
    文号: docNo,
    日期: date,
  }
}

export function siteFieldValues(site: LetterSite): FieldValues {
  const info = SITE_TYPE_INFO[site.type]
  return {
    现场名称: printed(site.name),
    现场编号: site.code,
    现场类型: info.fullName,
    标准: `${info.standard}${STANDARD_TITLES[site.type]}`,
    推荐单位: printed(site.recommender),
    所属企业: printed(site.enterprise),
    申报星级: starLabel(site.starLevel),
    突出表现: printed(site.highlights),
    所在地市: printed(site.city),
    详细地址: printed(site.address),
  }
}

/** 附件说明 from a site's attachments: one item per kind in the campaign's order; 其他 by file name. */
export function attachmentItems(attachments: LetterAttachment[]): string[] {
  const items: string[] = []
  for (const kind of ATTACHMENT_KINDS) {
    const ofKind = attachments.filter((a) => a.kind === kind)
    if (!ofKind.length) continue
    if (kind === 'other') {
      for (const a of ofKind) items.push(cleanDocLine(a.originalName.replace(/\.[^.]{1,8}$/, '')) || ATTACHMENT_KIND_LABELS.other)
    } else {
      items.push(ofKind.length > 1 ? `${ATTACHMENT_KIND_LABELS[kind]}（${ofKind.length}份）` : ATTACHMENT_KIND_LABELS[kind])
    }
  }
  return items
}

export interface SiteLetterInput {
  site: LetterSite
  issuer: LetterIssuer
  campaign: LetterCampaign
  templates: LetterTemplates
  docNo: string
  date: string
  attachments: LetterAttachment[]
}

export function siteLetterContent(input: SiteLetterInput): LetterContent {
  const values = { ...commonValues(input.issuer, input.campaign, input.docNo, input.date), ...siteFieldValues(input.site) }
  return {
    issuer: cleanDocLine(printed(input.issuer.name)),
    docNo: cleanDocLine(input.docNo),
    title: fillLine(input.templates.siteTitle, values),
    addressee: `${cleanDocLine(input.campaign.nationalOffice.name)}：`,
    body: fillTemplate(input.templates.siteBody, values),
    attachments: attachmentItems(input.attachments),
    signature: cleanDocLine(printed(input.issuer.name)),
    date: input.date,
  }
}

export interface CoverLetterInput {
  sites: LetterSite[]
  issuer: LetterIssuer
  campaign: LetterCampaign
  templates: LetterTemplates
  docNo: string
  date: string
  /** The bundle's signing-key fingerprint, printed so the receiver can compare it with the bundle. */
  fingerprint?: string
}

export function coverLetterContent(input: CoverLetterInput): LetterContent {
  const values: FieldValues = {
    ...commonValues(input.issuer, input.campaign, input.docNo, input.date),
    现场数量: String(input.sites.length),
  }
  const body = fillTemplate(input.templates.coverBody, values)
  const fingerprint = cleanDocLine(input.fingerprint) || undefined
  const annexTitle = `${input.campaign.year}年星级服务现场推荐名单`
  return {
    issuer: cleanDocLine(printed(input.issuer.name)),
    docNo: cleanDocLine(input.docNo),
    title: fillLine(input.templates.coverTitle, values),
    addressee: `${cleanDocLine(input.campaign.nationalOffice.name)}：`,
    body,
    fingerprint,
    attachments: [annexTitle],
    signature: cleanDocLine(printed(input.issuer.name)),
    date: input.date,
    annex: {
      label: '附件1',
      title: annexTitle,
      rows: input.sites.map((s) => ({
        code: cleanDocLine(s.code),
        name: cleanDocLine(printed(s.name)),
        type: SITE_TYPE_INFO[s.type].label,
        recommender: cleanDocLine(printed(s.recommender)),
        star: starLabel(s.starLevel),
      })),
    },
  }
}

/** The letter as plain text, for the live preview in Settings. */
export function contentToText(c: LetterContent): string {
  const lines = [c.issuer, c.docNo, '', c.title, '', c.addressee, ...c.body.map((p) => `　　${bodyItemText(p)}`)]
  if (c.fingerprint) lines.push(`　　${FINGERPRINT_LABEL}`, `　　${c.fingerprint}`)
  if (c.attachments.length) {
    lines.push('')
    c.attachments.forEach((a, i) => lines.push(i === 0 ? `　　附件：${i + 1}.${a}` : `　　　　　${i + 1}.${a}`))
  }
  lines.push('', c.signature, c.date)
  return lines.join('\n')
}
