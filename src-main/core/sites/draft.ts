/**
 * Reading a site from what a person typed (the form) or a roster row (the importer): the same rules, so a
 * value accepted in one place is accepted in the other.
 */
import type { FieldProblem } from '../errors'
import { cleanMultiline, cleanText } from '../text'
import { ENTERPRISES, REQUIRED_SITE_FIELDS, SITE_FIELD_LABELS, type SiteField, type SiteType } from './fields'
import {
  normalizeEmail,
  normalizePhone,
  normalizeUscc,
  parseCertificateList,
  parseDate,
  parseNumber,
  parseSiteType,
  parseStarLevel,
} from './normalize'

export interface SiteValues {
  name: string
  type: SiteType
  enterprise: string
  recommender: string
  uscc: string
  city: string
  district: string
  address: string
  starLevel: number
  manager: string
  phone: string
  email: string
  staffCount: number | null
  areaSqm: number | null
  seats: number | null
  certificates: string[]
  highlights: string
  applyDate: string
  remarks: string
}

export type SiteDraft = Partial<Record<Exclude<SiteField, 'code' | 'status'>, unknown>>

export interface DraftResult {
  values: SiteValues | null
  problems: FieldProblem[]
}

const MAX_TEXT = 500
const MAX_LONG_TEXT = 5000

/** 所属企业 as typed: "电信" and "中国电信xx分公司" both read as 中国电信; anything else is kept. */
export function normalizeEnterprise(value: unknown): string {
  const text = cleanText(value).replace(/\s+/g, '')
  if (!text) return ''
  for (const name of ENTERPRISES) {
    if (name === '其他') continue
    const short = name.slice(2)
    if (text === name || text === short || text.startsWith(name)) return name
  }
  return text
}

export function readSiteDraft(raw: SiteDraft, options: { date1904?: boolean } = {}): DraftResult {
  const problems: FieldProblem[] = []
  const label = (f: SiteField) => SITE_FIELD_LABELS[f]
  const text = (f: keyof SiteDraft, max = MAX_TEXT): string => {
    const v = f === 'highlights' || f === 'remarks' ? cleanMultiline(raw[f]) : cleanText(raw[f])
    if (v.length > max) problems.push({ field: f, message: `${label(f)}过长（${v.length} 字，最多 ${max} 字）` })
    return v
  }

  const values = {
    name: text('name'),
    enterprise: normalizeEnterprise(raw.enterprise),
    recommender: text('recommender'),
    uscc: normalizeUscc(raw.uscc),
    city: text('city'),
    district: text('district'),
    address: text('address'),
    manager: text('manager'),
    phone: normalizePhone(raw.phone),
    email: normalizeEmail(raw.email),
    highlights: text('highlights', MAX_LONG_TEXT),
    remarks: text('remarks', MAX_LONG_TEXT),
    certificates: parseCertificateList(raw.certificates),
  } as Partial<SiteValues>

  const isBlank = (v: unknown) => v === null || v === undefined || cleanText(v) === ''

  for (const f of REQUIRED_SITE_FIELDS) {
    if (isBlank(raw[f as keyof SiteDraft])) problems.push({ field: f, message: `${label(f)}不能为空` })
  }

  if (!isBlank(raw.type)) {
    const type = parseSiteType(raw.type)
    if (type) values.type = type
    else
      problems.push({
        field: 'type',
        message: `无法识别的现场类型“${cleanText(raw.type)}”，应为营业厅、客服中心或装维中心`,
      })
  }
  if (!isBlank(raw.starLevel)) {
    const star = parseStarLevel(raw.starLevel)
    if (star !== null) values.starLevel = star
    else
      problems.push({
        field: 'starLevel',
        message: `无法识别的申报星级“${cleanText(raw.starLevel)}”，可填 3、三星、三星级或★★★`,
      })
  }
  if (!isBlank(raw.applyDate)) {
    const date = parseDate(raw.applyDate, options)
    if (date) values.applyDate = date
    else
      problems.push({
        field: 'applyDate',
        message: `无法识别的申报日期“${cleanText(raw.applyDate)}”，请写成 2021-05-06 或 2021年5月6日`,
      })
  }
  for (const f of ['staffCount', 'areaSqm', 'seats'] as const) {
    if (isBlank(raw[f])) {
      values[f] = null
      continue
    }
    const n = parseNumber(raw[f])
    if (n === null || (f !== 'areaSqm' && !Number.isInteger(n)))
      problems.push({ field: f, message: `${label(f)}应为不小于 0 的${f === 'areaSqm' ? '数字' : '整数'}` })
    else values[f] = n
  }

  return { values: problems.length ? null : (values as SiteValues), problems }
}
