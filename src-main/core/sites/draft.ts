/**
 * Reading a site from what a person typed (the form) or a roster row (the importer): the same rules, so a
 * value accepted in one place is accepted in the other.
 */
import type { FieldProblem } from '../errors'
import { cleanProse, cleanProseLines, cleanText, withoutSpaces } from '../text'
import { ENTERPRISES, REQUIRED_SITE_FIELDS, SITE_FIELD_LABELS, type SiteField, type SiteType } from './fields'
import {
  dateOfClean,
  emailOfClean,
  numberOfClean,
  parseCertificateList,
  parseDate,
  parseNumber,
  parseStarLevel,
  phoneOfClean,
  siteTypeOfClean,
  starLevelOfClean,
  usccOfClean,
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

/** 所属企业 as typed: "电信" and "中国电信xx分公司" both read as 中国电信; anything else is kept (as prose). */
export function normalizeEnterprise(value: unknown): string {
  return enterpriseOfClean(cleanProse(value))
}

/** The fixed names with their short forms (中国电信 → 电信), made once rather than on every row. */
const ENTERPRISE_FORMS = ENTERPRISES.filter((name) => name !== '其他').map((name) => ({ name, short: name.slice(2) }))

function enterpriseOfClean(clean: string): string {
  const text = withoutSpaces(clean)
  if (!text) return ''
  for (const { name, short } of ENTERPRISE_FORMS) if (text === name || text === short || text.startsWith(name)) return name
  return text
}

/**
 * Whether the value reads as empty. A number or a Date never does (String() of either is never blank), and
 * making one into text is the costly part (a Date's text names its time zone).
 */
function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true
  if (typeof v === 'number' || v instanceof Date) return false
  return cleanText(v) === ''
}

function checkLength(problems: FieldProblem[], f: SiteField, v: string, max: number): void {
  if (v.length > max) problems.push({ field: f, message: `${SITE_FIELD_LABELS[f]}过长（${v.length} 字，最多 ${max} 字）` })
}

/**
 * Prose (names, 推荐单位, places, 现场负责人, 突出表现, 备注, a 所属企业 outside the fixed list) is kept as typed
 * (cleanProse); code-like cells and the words read as type, star level, date and figures go half-width
 * (cleanText), so １２３ and ３星 still read.
 *
 * Every cell is cleaned once, and that text serves both the blank test and the reading (the …OfClean
 * readers); the problems come in the order they always have: lengths, then required fields, then type, star
 * level, date and the figures.
 */
export function readSiteDraft(raw: SiteDraft, options: { date1904?: boolean } = {}): DraftResult {
  const problems: FieldProblem[] = []
  const name = cleanProse(raw.name)
  checkLength(problems, 'name', name, MAX_TEXT)
  const recommender = cleanProse(raw.recommender)
  checkLength(problems, 'recommender', recommender, MAX_TEXT)
  const city = cleanProse(raw.city)
  checkLength(problems, 'city', city, MAX_TEXT)
  const district = cleanProse(raw.district)
  checkLength(problems, 'district', district, MAX_TEXT)
  const address = cleanProse(raw.address)
  checkLength(problems, 'address', address, MAX_TEXT)
  const manager = cleanProse(raw.manager)
  checkLength(problems, 'manager', manager, MAX_TEXT)
  const highlights = cleanProseLines(raw.highlights)
  checkLength(problems, 'highlights', highlights, MAX_LONG_TEXT)
  const remarks = cleanProseLines(raw.remarks)
  checkLength(problems, 'remarks', remarks, MAX_LONG_TEXT)
  const enterprise = cleanProse(raw.enterprise)
  const uscc = cleanText(raw.uscc)
  const phone = cleanText(raw.phone)
  // Type, star level and date: text only when the value is not a number or a Date (read as such below).
  const typeText = cleanText(raw.type)
  const starText = typeof raw.starLevel === 'number' ? null : cleanText(raw.starLevel)
  const dateText = typeof raw.applyDate === 'number' || raw.applyDate instanceof Date ? null : cleanText(raw.applyDate)

  for (const f of REQUIRED_SITE_FIELDS) {
    let blank: boolean
    switch (f) {
      case 'name':
        blank = name === ''
        break
      case 'type':
        blank = typeText === ''
        break
      case 'enterprise':
        blank = enterprise === ''
        break
      case 'recommender':
        blank = recommender === ''
        break
      case 'uscc':
        blank = uscc === ''
        break
      case 'city':
        blank = city === ''
        break
      case 'address':
        blank = address === ''
        break
      case 'starLevel':
        blank = starText === ''
        break
      case 'manager':
        blank = manager === ''
        break
      case 'phone':
        blank = phone === ''
        break
      case 'applyDate':
        blank = dateText === ''
        break
      default:
        blank = isBlank(raw[f as keyof SiteDraft])
    }
    if (blank) problems.push({ field: f, message: `${SITE_FIELD_LABELS[f]}不能为空` })
  }

  let type: SiteType | null = null
  if (typeText !== '') {
    type = siteTypeOfClean(typeText)
    if (!type)
      problems.push({ field: 'type', message: `无法识别的现场类型“${typeText}”，应为营业厅、客服中心或装维中心` })
  }
  let starLevel: number | null = null
  if (starText !== '') {
    starLevel = starText === null ? parseStarLevel(raw.starLevel) : starLevelOfClean(starText)
    if (starLevel === null)
      problems.push({
        field: 'starLevel',
        message: `无法识别的申报星级“${starText ?? cleanText(raw.starLevel)}”，可填 3、三星、三星级或★★★`,
      })
  }
  let applyDate: string | null = null
  if (dateText !== '') {
    applyDate = dateText === null ? parseDate(raw.applyDate, options) : dateOfClean(dateText)
    if (!applyDate)
      problems.push({
        field: 'applyDate',
        message: `无法识别的申报日期“${dateText ?? cleanText(raw.applyDate)}”，请写成 2021-05-06 或 2021年5月6日`,
      })
  }
  const staffCount = readFigure(raw.staffCount, 'staffCount', problems)
  const areaSqm = readFigure(raw.areaSqm, 'areaSqm', problems)
  const seats = readFigure(raw.seats, 'seats', problems)
  if (problems.length) return { values: null, problems }

  // Without problems every field has been read (type, star level and date are required): one shape, in the
  // key order the preview shows.
  const values: SiteValues = {
    name,
    enterprise: enterpriseOfClean(enterprise),
    recommender,
    uscc: usccOfClean(uscc),
    city,
    district,
    address,
    manager,
    phone: phoneOfClean(phone),
    email: emailOfClean(cleanText(raw.email)),
    highlights,
    remarks,
    certificates: parseCertificateList(raw.certificates),
    type: type!,
    starLevel: starLevel!,
    applyDate: applyDate!,
    staffCount,
    areaSqm,
    seats,
  }
  return { values, problems }
}

/** 员工人数, 营业面积, 坐席数: null when blank, else a number (whole for the counts), else a problem. */
function readFigure(v: unknown, f: 'staffCount' | 'areaSqm' | 'seats', problems: FieldProblem[]): number | null {
  if (v === null || v === undefined) return null
  let n: number | null
  if (typeof v === 'number') n = parseNumber(v)
  else {
    const clean = cleanText(v)
    if (clean === '') return null
    n = numberOfClean(clean)
  }
  if (n === null || (f !== 'areaSqm' && !Number.isInteger(n))) {
    problems.push({ field: f, message: `${SITE_FIELD_LABELS[f]}应为不小于 0 的${f === 'areaSqm' ? '数字' : '整数'}` })
    return null
  }
  return n
}
