/**
 * Readers for the values people actually type. Each returns the canonical value, or null when the input
 * cannot be read at all (that is an input error; a readable value that breaks a rule is a check finding).
 */
import { cleanText, stripInvisible, toHalfWidth } from '../text'
import type { SiteType } from './fields'

const TYPE_SYNONYMS: Array<[SiteType, RegExp]> = [
  ['hall', /^(hall|营业厅|实体营业厅|电信业务实体营业厅|营业网点|自有营业厅|电信营业厅)$/i],
  ['callcenter', /^(callcenter|call center|客服中心|电信业务客服中心|呼叫中心|客户服务中心|客服)$/i],
  [
    'installation',
    /^(installation|装维中心|装维|安装维修服务中心|电信业务安装维修服务中心|安装维修中心|装维服务中心|电信业务安装维修服务中心（装维中心）|电信业务安装维修服务中心\(装维中心\))$/i,
  ],
]

export function parseSiteType(value: unknown): SiteType | null {
  const text = cleanText(value).replace(/\s+/g, '')
  if (!text) return null
  for (const [type, pattern] of TYPE_SYNONYMS) if (pattern.test(text)) return type
  return null
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7 }

/** 3, "3", "三星", "三星级", "3星", "★★★", "☆☆☆" -> 3. */
export function parseStarLevel(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 7 ? value : null
  const text = cleanText(value).replace(/\s+/g, '')
  if (!text) return null
  if (/^[★☆]+$/.test(text)) return text.length <= 7 ? text.length : null
  const match = /^([1-7]|[一二两三四五六七])(星级|星)?$/.exec(text)
  if (!match) return null
  const d = match[1]
  return /[1-7]/.test(d) ? Number(d) : CN_DIGITS[d]
}

const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30)
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1)

function isoFromParts(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/**
 * A calendar date as 'YYYY-MM-DD'. Accepts Date objects (exceljs gives UTC midnight), Excel serials,
 * and text: 2021-05-06, 2021/5/6, 2021.5.6, 2021年5月6日, 20210506.
 */
export function parseDate(value: unknown, options: { date1904?: boolean } = {}): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null
    return isoFromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1) return null
    const epoch = options.date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900
    const date = new Date(epoch + Math.floor(value) * 86_400_000)
    return isoFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
  }
  const text = cleanText(value).replace(/\s+/g, '')
  if (!text) return null
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text)
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]))
  return null
}

/** A non-negative number (counts and areas); '1,200' and '１２００' read as 1200. */
export function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null
  const text = cleanText(value).replace(/[,\s]/g, '').replace(/(平方米|㎡|m2|人|个|席)$/i, '')
  if (!text) return null
  if (!/^\d+(\.\d+)?$/.test(text)) return null
  return Number(text)
}

/** Phone numbers keep their digits and one dash after an area code; spaces and brackets go. */
export function normalizePhone(value: unknown): string {
  return cleanText(value)
    .replace(/[()（）\s]/g, '')
    .replace(/[—–－]/g, '-')
}

/** Several certificate numbers in one cell, separated by 、，,；; or line breaks; upper-cased, unique. */
export function parseCertificateList(value: unknown): string[] {
  if (Array.isArray(value)) return parseCertificateList(value.join('\n'))
  const text = stripInvisible(toHalfWidth(String(value ?? '')))
  const seen = new Set<string>()
  for (const part of text.split(/[、，,；;\n\r\s]+/)) {
    const cert = part.trim().toUpperCase()
    if (cert) seen.add(cert)
  }
  return [...seen]
}

export function normalizeEmail(value: unknown): string {
  return cleanText(value).replace(/\s+/g, '').toLowerCase()
}

/** USCC: 18 characters, upper case, no spaces. Whether the check character is right is a check, not a read. */
export function normalizeUscc(value: unknown): string {
  return cleanText(value).replace(/[\s-]+/g, '').toUpperCase()
}
