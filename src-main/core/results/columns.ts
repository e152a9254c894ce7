/**
 * The columns of a results list as the national office publishes it (评定结果), the header variants we accept,
 * and the reading of one 星级 cell: a star level, or 未通过.
 */
import type { ColumnSet } from '../roster/header'
import { parseStarLevel } from '../sites/normalize'
import { cleanText } from '../text'

export type ResultField = 'code' | 'name' | 'recommender' | 'enterprise' | 'type' | 'star' | 'certificateNo' | 'plaqueNo' | 'batch'

export const RESULT_COLUMNS: ColumnSet<ResultField>[] = [
  { field: 'code', header: '现场编号', required: false, aliases: ['编号', '现场代码', '申报编号'] },
  { field: 'name', header: '现场名称', required: true, aliases: ['服务现场名称', '名称', '现场全称', '营业厅名称', '服务现场'] },
  { field: 'recommender', header: '推荐单位', required: false, aliases: ['申报单位', '推荐企业', '报送单位', '推荐省协会'] },
  { field: 'enterprise', header: '所属企业', required: false, aliases: ['所属运营商', '运营商', '所属公司', '企业', '所属单位'] },
  { field: 'type', header: '现场类型', required: false, aliases: ['类型', '服务现场类型', '现场类别'] },
  { field: 'star', header: '星级', required: true, aliases: ['评定星级', '评定结果', '获评星级', '评定等级', '结果', '星级评定结果'] },
  { field: 'certificateNo', header: '证书编号', required: false, aliases: ['证书号', '证书号码', '星级证书编号'] },
  { field: 'plaqueNo', header: '标牌编号', required: false, aliases: ['牌匾编号', '牌匾号', '标牌号', '星级标牌编号', '星级牌匾编号'] },
  { field: 'batch', header: '批次', required: false, aliases: ['评定批次', '公布批次', '发布批次'] },
]

export const RESULT_FIELD_LABELS: Record<ResultField, string> = {
  code: '现场编号',
  name: '现场名称',
  recommender: '推荐单位',
  enterprise: '所属企业',
  type: '现场类型',
  star: '星级',
  certificateNo: '证书编号',
  plaqueNo: '标牌编号',
  batch: '批次',
}

/**
 * The office's own import of ratings: the province file's columns (so export -> edit -> import round-trips),
 * plus 省份. The site is found by its code, so 现场编号 is required and 现场名称 is not; the
 * office records every rating under a batch, so 批次 is required too.
 */
export type OfficeResultField = ResultField | 'province'

export const OFFICE_RESULT_COLUMNS: ColumnSet<OfficeResultField>[] = [
  { field: 'province', header: '省份', required: false, aliases: ['省', '省份名称', '所属省份', '省（区、市）', '省区市', '地区'] },
  ...RESULT_COLUMNS.map((c) => ({ ...c, required: c.field === 'code' || c.field === 'star' || c.field === 'batch' })),
]

export const OFFICE_RESULT_FIELD_LABELS: Record<OfficeResultField, string> = { ...RESULT_FIELD_LABELS, province: '省份' }

export type Outcome = { outcome: 'rated'; star: number } | { outcome: 'rejected'; star: null }

const REJECTED = /^(未通过|不通过|未获评|未评上|落选|否|无|不予评定|未达标)$/

/** 四星级 / ★★★★ / 4 -> rated 4; 未通过 -> rejected; anything else null (an import error). */
export function parseOutcome(value: unknown): Outcome | null {
  const text = cleanText(value).replace(/\s+/g, '')
  if (REJECTED.test(text)) return { outcome: 'rejected', star: null }
  const star = parseStarLevel(typeof value === 'number' ? value : text.replace(/^(评为|获评)/, '').replace(/服务现场$/, ''))
  return star === null ? null : { outcome: 'rated', star }
}

export const OUTCOME_LABEL = (o: { outcome: 'rated' | 'rejected'; star: number | null }, starLabels: string[]): string =>
  o.outcome === 'rejected' ? '未通过' : starLabels[o.star ?? 0] || `${o.star}星级`
