/**
 * The wording of the letters as templates with named fields such as {现场名称}. A clerk edits them in
 * Settings; the defaults below follow the 2021 campaign notice (通企〔2021〕35号).
 */
import { cleanDocLine, cleanDocText } from './clean'

/** Every field a template may use, with what it holds (shown next to the editor). */
export const LETTER_FIELDS = {
  现场名称: '服务现场名称',
  现场编号: '系统生成的现场编号，如 GD-2021-Y001',
  现场类型: '电信业务实体营业厅 / 电信业务客服中心 / 电信业务安装维修服务中心',
  标准: '适用标准，如 T/CCSA 248-2019《电信业务实体营业厅服务等级划分和评定》',
  推荐单位: '推荐单位（运营企业省级公司等）',
  所属企业: '所属企业，如 中国移动',
  申报星级: '申报星级，如 四星级',
  突出表现: '现场的突出表现（可为空）',
  所在地市: '所在地市',
  详细地址: '详细地址',
  协会名称: '本协会全称',
  协会简称: '本协会简称',
  年度: '活动年度，如 2021',
  活动名称: '活动名称，如 2021年信息通信行业星级服务现场评定活动',
  通知文号: '活动通知的文号，如 通企〔2021〕35号',
  主送机关: '主送机关（全国推进办公室全称）',
  文号: '本函的发文字号，如 粤通协〔2021〕12号',
  日期: '成文日期，如 2021年6月1日',
  现场数量: '报送函所列现场的数量',
  联系人: '本协会联系人',
  联系电话: '本协会联系电话',
} as const

export type LetterField = keyof typeof LETTER_FIELDS
export type FieldValues = Partial<Record<LetterField, string>>

export interface LetterTemplates {
  siteTitle: string
  siteBody: string
  coverTitle: string
  coverBody: string
}

export const TEMPLATE_LABELS: Record<keyof LetterTemplates, string> = {
  siteTitle: '推荐函标题',
  siteBody: '推荐函正文',
  coverTitle: '报送函标题',
  coverBody: '报送函正文',
}

// The campaign notice by its title and number; the number identifies the issuer, so it is not named again.
const NOTICE = '根据《关于印发〈{活动名称}方案〉的通知》（{通知文号}）要求，'

/**
 * Sized so that a typical 推荐函 with two attachments fits on one page (22 lines, ~1 lost to the letterhead);
 * a long 突出表现 then moves the last paragraph and the signature to page two together.
 */
export const DEFAULT_TEMPLATES: LetterTemplates = {
  siteTitle: '关于推荐{现场名称}的函',
  siteBody: [
    `${NOTICE}现推荐{推荐单位}{现场名称}参加{活动名称}，申报{申报星级}。`,
    '该现场属{现场类型}，按照{标准}开展服务现场管理。{突出表现}',
    '经审核，该现场材料真实、齐全，符合申报条件，特此推荐。',
  ].join('\n'),
  coverTitle: '关于报送{年度}年星级服务现场推荐材料的函',
  coverBody: [
    `${NOTICE}我会组织开展了本地区{年度}年星级服务现场推荐工作。经审核，现推荐{现场数量}个服务现场参加{活动名称}，名单见附件，各现场的推荐函及申报材料随本函一并报送，请予审核。`,
    '联系人：{联系人}；联系电话：{联系电话}。',
  ].join('\n'),
}

const FIELD_RE = /\{([^{}\s]{1,20})\}/g

/** Field names a template uses that do not exist (typos such as {现场名}). */
export function unknownFields(template: string): string[] {
  const unknown = new Set<string>()
  for (const m of template.matchAll(FIELD_RE)) if (!(m[1] in LETTER_FIELDS)) unknown.add(m[1])
  return [...unknown]
}

/**
 * Fills a template into paragraphs (one per line of the template). A paragraph whose fields are all empty is
 * left out (an empty 突出表现 must not leave a bare line), empty brackets left by an empty field are removed,
 * and unknown fields stay visible so the clerk notices them in the preview.
 */
export function fillTemplate(template: string, values: FieldValues): string[] {
  const paragraphs: string[] = []
  for (const line of cleanDocText(template).split(/\r?\n/)) {
    let used = 0
    let filled = 0
    const text = line.replace(FIELD_RE, (whole, name: string) => {
      if (!(name in LETTER_FIELDS)) return whole
      used++
      const value = cleanDocLine(values[name as LetterField])
      if (value) filled++
      return value
    })
    if (used > 0 && filled === 0) continue
    const tidy = text.replace(/（\s*）|\(\s*\)/g, '').trim()
    if (tidy) paragraphs.push(tidy)
  }
  return paragraphs
}

/** A one-line template (a title): its paragraphs joined. */
export function fillLine(template: string, values: FieldValues): string {
  return fillTemplate(template, values).join('')
}
