/**
 * Readers for the values people actually type. Each returns the canonical value, or null when the input
 * cannot be read at all (that is an input error; a readable value that breaks a rule is a check finding).
 *
 * Each text reader comes in two forms: one taking any value, and one (…OfClean) taking what cleanText made
 * of it, so readSiteDraft cleans every cell once and uses that for both "is it blank?" and the reading.
 */
import { cleanText, toVisibleHalfWidth, withoutSpaces } from '../text'
import { SITE_TYPE_INFO, SITE_TYPES, type SiteType } from './fields'

const TYPE_SYNONYMS: Array<[SiteType, RegExp]> = [
  ['hall', /^(hall|营业厅|实体营业厅|电信业务实体营业厅|营业网点|自有营业厅|电信营业厅)$/i],
  ['callcenter', /^(callcenter|call center|客服中心|电信业务客服中心|呼叫中心|客户服务中心|客服)$/i],
  [
    'installation',
    /^(installation|装维中心|装维|安装维修服务中心|电信业务安装维修服务中心|安装维修中心|装维服务中心|电信业务安装维修服务中心（装维中心）|电信业务安装维修服务中心\(装维中心\))$/i,
  ],
]

function siteTypeByPattern(text: string): SiteType | null {
  for (const [type, pattern] of TYPE_SYNONYMS) if (pattern.test(text)) return type
  return null
}

/**
 * What the patterns say for the words a roster almost always holds (the template's drop-down labels and the
 * codes), looked up instead of matched: computed by the patterns themselves, so they cannot disagree.
 */
const TYPE_WORDS = new Map<string, SiteType | null>(
  SITE_TYPES.flatMap((t) => [t, SITE_TYPE_INFO[t].label, SITE_TYPE_INFO[t].fullName]).map((w) => [w, siteTypeByPattern(w)]),
)

export function parseSiteType(value: unknown): SiteType | null {
  return siteTypeOfClean(cleanText(value))
}

export function siteTypeOfClean(clean: string): SiteType | null {
  const text = withoutSpaces(clean)
  if (!text) return null
  const known = TYPE_WORDS.get(text)
  return known !== undefined ? known : siteTypeByPattern(text)
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7 }

function starLevelByPattern(text: string): number | null {
  if (/^[★☆]+$/.test(text)) return text.length <= 7 ? text.length : null
  const match = text.match(/^([1-7]|[一二两三四五六七])(星级|星)?$/)
  if (!match) return null
  const d = match[1]
  return /[1-7]/.test(d) ? Number(d) : CN_DIGITS[d]
}

/** The star levels as written in the template (三星级), shorter (三星, 3星, 3) and in stars, as the patterns read them. */
const STAR_WORDS = new Map<string, number | null>(
  [...'1234567一二两三四五六七']
    .flatMap((d) => [d, `${d}星`, `${d}星级`])
    .concat([1, 2, 3, 4, 5, 6, 7].map((n) => '★'.repeat(n)))
    .map((w) => [w, starLevelByPattern(w)]),
)

/** 3, "3", "三星", "三星级", "3星", "★★★", "☆☆☆" -> 3. */
export function parseStarLevel(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 7 ? value : null
  return starLevelOfClean(cleanText(value))
}

/** parseStarLevel of a value that is not a number, given as cleanText made it. */
export function starLevelOfClean(clean: string): number | null {
  const text = withoutSpaces(clean)
  if (!text) return null
  const known = STAR_WORDS.get(text)
  return known !== undefined ? known : starLevelByPattern(text)
}

const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30)
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1)

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

function isoFromParts(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return `${y}-${pad2(m)}-${pad2(d)}`
}

/** The calendar date of a Date's UTC parts: those always form a real date, so only the year range can fail. */
function isoFromDate(date: Date): string | null {
  const y = date.getUTCFullYear()
  if (y < 1900 || y > 2100) return null
  return `${y}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`
}

/**
 * A calendar date as 'YYYY-MM-DD'. Accepts Date objects (exceljs gives UTC midnight), Excel serials,
 * and text: 2021-05-06, 2021/5/6, 2021.5.6, 2021年5月6日, 20210506.
 */
export function parseDate(value: unknown, options: { date1904?: boolean } = {}): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null
    return isoFromDate(value)
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1) return null
    const epoch = options.date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900
    const date = new Date(epoch + Math.floor(value) * 86_400_000)
    // Past the year 275760 the Date is invalid and its parts NaN, which isoFromParts refused as well.
    return Number.isNaN(date.getTime()) ? null : isoFromDate(date)
  }
  return dateOfClean(cleanText(value))
}

/** parseDate of a value that is neither a Date nor a number, given as cleanText made it. */
export function dateOfClean(clean: string): string | null {
  const text = withoutSpaces(clean)
  if (!text) return null
  let m = text.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/)
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]))
  m = text.match(/^(\d{4})(\d{2})(\d{2})$/)
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]))
  return null
}

/** A non-negative number (counts and areas); '1,200' and '１２００' read as 1200. */
export function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null
  return numberOfClean(cleanText(value))
}

/** parseNumber of a value that is not a number, given as cleanText made it. */
export function numberOfClean(clean: string): number | null {
  const text = clean.replace(/[,\s]/g, '').replace(/(平方米|㎡|m2|人|个|席)$/i, '')
  if (!text) return null
  if (!/^\d+(\.\d+)?$/.test(text)) return null
  return Number(text)
}

/** Phone numbers keep their digits and one dash after an area code; spaces and brackets go. */
export function normalizePhone(value: unknown): string {
  return phoneOfClean(cleanText(value))
}

const PHONE_NOISE = /[()（）\s—–－]/

export function phoneOfClean(clean: string): string {
  // Most numbers are digits and dashes only: one test instead of two replacing passes.
  if (!PHONE_NOISE.test(clean)) return clean
  return clean.replace(/[()（）\s]/g, '').replace(/[—–－]/g, '-')
}

/** Separators between certificate numbers, after half-width conversion: 、，,；; and any whitespace (JS \s). */
function isCertificateSeparator(c: number): boolean {
  if (c < 0x80) return c === 0x2c || c === 0x3b || c === 0x20 || (c >= 0x09 && c <= 0x0d)
  return (
    c === 0x3001 ||
    c === 0xff0c ||
    c === 0xff1b ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

/**
 * Several certificate numbers in one cell, separated by 、，,；; or line breaks; upper-cased, unique.
 * One scan for the separators instead of a split by pattern, and a list searched for repeats rather than a
 * Set (a cell holds a handful): this runs for every roster row. Equality with the split is a property test.
 */
export function parseCertificateList(value: unknown): string[] {
  if (Array.isArray(value)) return parseCertificateList(value.join('\n'))
  const text = toVisibleHalfWidth(String(value ?? ''))
  const out: string[] = []
  let seen: Set<string> | null = null // only for a cell with very many numbers
  const n = text.length
  let start = -1
  for (let i = 0; i <= n; i++) {
    if (i < n && !isCertificateSeparator(text.charCodeAt(i))) {
      if (start < 0) start = i
      continue
    }
    if (start < 0) continue
    const cert = text.slice(start, i).toUpperCase()
    start = -1
    if (seen) {
      if (seen.has(cert)) continue
      seen.add(cert)
    } else if (out.includes(cert)) continue
    else if (out.length >= 32) seen = new Set(out).add(cert)
    out.push(cert)
  }
  return out
}

export function normalizeEmail(value: unknown): string {
  return emailOfClean(cleanText(value))
}

export function emailOfClean(clean: string): string {
  return withoutSpaces(clean).toLowerCase()
}

/** USCC: 18 characters, upper case, no spaces. Whether the check character is right is a check, not a read. */
export function normalizeUscc(value: unknown): string {
  return usccOfClean(cleanText(value))
}

export function usccOfClean(clean: string): string {
  return (/[\s-]/.test(clean) ? clean.replace(/[\s-]+/g, '') : clean).toUpperCase()
}
