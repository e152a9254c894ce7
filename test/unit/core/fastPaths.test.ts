/**
 * The fast paths of the per-row readers and rules equal the general definitions they replace, on arbitrary
 * input that favours what makes them differ: full-width ASCII, every whitespace JS knows, control, bidi and
 * zero-width characters, the rest of the U+2000 block, CJK, cased letters of other scripts, lone surrogates.
 * Each reference below is the definition as it was written before the fast path (patterns and passes).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chineseDate, isIsoDate } from '../../../src-main/core/checks/dates'
import { addressKey, cityKey, nameCityKey } from '../../../src-main/core/checks/duplicates'
import { isValidEmail } from '../../../src-main/core/checks/email'
import { invalidPhones, phoneKind } from '../../../src-main/core/checks/phone'
import { usccCheckChar, usccProblem, type UsccProblem } from '../../../src-main/core/checks/uscc'
import { normalizeEnterprise, readSiteDraft, type DraftResult, type SiteDraft } from '../../../src-main/core/sites/draft'
import { ENTERPRISES, REQUIRED_SITE_FIELDS, SITE_FIELD_LABELS, type SiteField } from '../../../src-main/core/sites/fields'
import {
  normalizeEmail,
  normalizePhone,
  normalizeUscc,
  parseCertificateList,
  parseDate,
  parseNumber,
  parseSiteType,
  parseStarLevel,
} from '../../../src-main/core/sites/normalize'
import { cleanProse, cleanProseLines, cleanText, nameKey, stripInvisible, toHalfWidth, toVisibleHalfWidth, withoutSpaces } from '../../../src-main/core/text'

// ---- references: the general definitions ----

function refCleanText(value: unknown): string {
  if (value === null || value === undefined) return ''
  return stripInvisible(toHalfWidth(String(value))).replace(/[\s\u00A0]+/g, ' ').trim()
}

/** Prose is kept as typed: the same passes without the half-width one. */
function refCleanProse(value: unknown): string {
  if (value === null || value === undefined) return ''
  return stripInvisible(String(value)).replace(/[\s\u00A0]+/g, ' ').trim()
}

function refCleanProseLines(value: unknown): string {
  if (value === null || value === undefined) return ''
  return stripInvisible(String(value))
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\t\v\f \u00A0\u3000]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

const refNameKey = (value: unknown) => refCleanText(value).replace(/\s+/g, '').toLowerCase()

const TYPE_SYNONYMS: Array<[string, RegExp]> = [
  ['hall', /^(hall|营业厅|实体营业厅|电信业务实体营业厅|营业网点|自有营业厅|电信营业厅)$/i],
  ['callcenter', /^(callcenter|call center|客服中心|电信业务客服中心|呼叫中心|客户服务中心|客服)$/i],
  [
    'installation',
    /^(installation|装维中心|装维|安装维修服务中心|电信业务安装维修服务中心|安装维修中心|装维服务中心|电信业务安装维修服务中心（装维中心）|电信业务安装维修服务中心\(装维中心\))$/i,
  ],
]
function refParseSiteType(value: unknown): string | null {
  const text = refCleanText(value).replace(/\s+/g, '')
  if (!text) return null
  for (const [type, pattern] of TYPE_SYNONYMS) if (pattern.test(text)) return type
  return null
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7 }
function refParseStarLevel(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 7 ? value : null
  const text = refCleanText(value).replace(/\s+/g, '')
  if (!text) return null
  if (/^[★☆]+$/.test(text)) return text.length <= 7 ? text.length : null
  const match = /^([1-7]|[一二两三四五六七])(星级|星)?$/.exec(text)
  if (!match) return null
  const d = match[1]
  return /[1-7]/.test(d) ? Number(d) : CN_DIGITS[d]
}

function refIsoFromParts(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
function refParseDate(value: unknown, options: { date1904?: boolean } = {}): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null
    return refIsoFromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1) return null
    const epoch = options.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)
    const date = new Date(epoch + Math.floor(value) * 86_400_000)
    return refIsoFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
  }
  const text = refCleanText(value).replace(/\s+/g, '')
  if (!text) return null
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text)
  if (m) return refIsoFromParts(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (m) return refIsoFromParts(Number(m[1]), Number(m[2]), Number(m[3]))
  return null
}

function refParseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null
  const text = refCleanText(value).replace(/[,\s]/g, '').replace(/(平方米|㎡|m2|人|个|席)$/i, '')
  if (!text) return null
  if (!/^\d+(\.\d+)?$/.test(text)) return null
  return Number(text)
}

const refNormalizePhone = (value: unknown) =>
  refCleanText(value)
    .replace(/[()（）\s]/g, '')
    .replace(/[—–－]/g, '-')
const refNormalizeEmail = (value: unknown) => refCleanText(value).replace(/\s+/g, '').toLowerCase()
const refNormalizeUscc = (value: unknown) =>
  refCleanText(value)
    .replace(/[\s-]+/g, '')
    .toUpperCase()

function refParseCertificateList(value: unknown): string[] {
  if (Array.isArray(value)) return refParseCertificateList(value.join('\n'))
  const text = stripInvisible(toHalfWidth(String(value ?? '')))
  const seen = new Set<string>()
  for (const part of text.split(/[、，,；;\n\r\s]+/)) {
    const cert = part.trim().toUpperCase()
    if (cert) seen.add(cert)
  }
  return [...seen]
}

function refNormalizeEnterprise(value: unknown): string {
  const text = refCleanProse(value).replace(/\s+/g, '')
  if (!text) return ''
  for (const name of ENTERPRISES) {
    if (name === '其他') continue
    const short = name.slice(2)
    if (text === name || text === short || text.startsWith(name)) return name
  }
  return text
}

/** readSiteDraft as it was, over the (separately tested) readers: checks the order of problems and of keys. */
function refReadSiteDraft(raw: SiteDraft, options: { date1904?: boolean } = {}): DraftResult {
  const problems: { field: string; message: string }[] = []
  const label = (f: SiteField) => SITE_FIELD_LABELS[f]
  const text = (f: keyof SiteDraft, max = 500): string => {
    const v = f === 'highlights' || f === 'remarks' ? cleanProseLines(raw[f]) : cleanProse(raw[f])
    if (v.length > max) problems.push({ field: f, message: `${label(f)}过长（${v.length} 字，最多 ${max} 字）` })
    return v
  }
  const values: Record<string, unknown> = {
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
    highlights: text('highlights', 5000),
    remarks: text('remarks', 5000),
    certificates: parseCertificateList(raw.certificates),
  }
  const isBlank = (v: unknown) => v === null || v === undefined || cleanText(v) === ''
  for (const f of REQUIRED_SITE_FIELDS) if (isBlank(raw[f as keyof SiteDraft])) problems.push({ field: f, message: `${label(f)}不能为空` })
  if (!isBlank(raw.type)) {
    const type = parseSiteType(raw.type)
    if (type) values.type = type
    else problems.push({ field: 'type', message: `无法识别的现场类型“${cleanText(raw.type)}”，应为营业厅、客服中心或装维中心` })
  }
  if (!isBlank(raw.starLevel)) {
    const star = parseStarLevel(raw.starLevel)
    if (star !== null) values.starLevel = star
    else problems.push({ field: 'starLevel', message: `无法识别的申报星级“${cleanText(raw.starLevel)}”，可填 3、三星、三星级或★★★` })
  }
  if (!isBlank(raw.applyDate)) {
    const date = parseDate(raw.applyDate, options)
    if (date) values.applyDate = date
    else problems.push({ field: 'applyDate', message: `无法识别的申报日期“${cleanText(raw.applyDate)}”，请写成 2021-05-06 或 2021年5月6日` })
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
  return { values: problems.length ? null : (values as unknown as DraftResult['values']), problems } as DraftResult
}

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
function refUsccProblem(code: string): UsccProblem | null {
  const chars = [...code]
  if (chars.length !== 18) return { kind: 'length', length: chars.length }
  const bad = [...new Set(chars.filter((ch) => !USCC_CHARSET.includes(ch)))]
  if (bad.length) return { kind: 'charset', chars: bad }
  const expected = usccCheckChar(code.slice(0, 17))!
  return expected === code[17] ? null : { kind: 'checksum', expected, actual: code[17] }
}

function refIsIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/
function refIsValidEmail(value: string): boolean {
  if (value.length > 254) return false
  const at = value.lastIndexOf('@')
  if (at <= 0 || at !== value.indexOf('@')) return false
  const local = value.slice(0, at)
  const domain = value.slice(at + 1)
  if (local.length > 64 || !LOCAL.test(local)) return false
  const labels = domain.split('.')
  if (labels.length < 2) return false
  if (!labels.every((l) => LABEL.test(l))) return false
  return /^[A-Za-z]{2,}$/.test(labels[labels.length - 1])
}

function refInvalidPhones(value: string): string[] {
  const parts = value
    .split(/[/、,，;；]+/)
    .map((p) => p.trim())
    .filter(Boolean)
  if (!parts.length) return ['']
  return parts.filter((p) => phoneKind(p) === null)
}

const refCityKey = (city: string) => refNameKey(city).replace(/(市|地区|自治州|盟)$/, '')
const refNameCityKey = (name: string, city: string) => {
  const n = refNameKey(name)
  return n ? `${n}|${refCityKey(city)}` : ''
}
const refAddressKey = (address: string) => refNameKey(address).replace(/[\s,，.。、;；:：'"“”‘’()（）[\]【】#＃\-—_]/g, '')

// ---- inputs ----

const SPECIAL = [
  ...' \t\n\r\v\f.,;:/-_@#()[]【】（）“”‘’—–－…※·、，；：。',
  '\u0000', '\u0008', '\u000e', '\u001b', '\u007f', '\u0085', '\u009b', '\u00a0', '\u00ad', '\u061c', '\u1680', '\u180e',
  '\u2000', '\u200a', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2010', '\u2014', '\u201c', '\u2026', '\u2027', '\u2028',
  '\u2029', '\u202a', '\u202e', '\u202f', '\u2030', '\u203b', '\u205e', '\u205f', '\u2060', '\u2066', '\u2069', '\u206f',
  '\u3000', '\u3001', '\u3002', '\u303f', '\u3040', '\ufeff', '\uff01', '\uff0c', '\uff10', '\uff1b', '\uff21', '\uff41', '\uff5e', '\uff5f',
  'İ', 'ß', 'Σ', 'ς', 'é', 'Ω', 'Я', 'ǅ', '𠀀', '\ud800', '\udc00', 'A', 'Z', 'a', 'z', '0', '9',
]
const WORDS = [
  '营业厅', '客服中心', '装维中心', 'hall', 'Call Center', '电信业务安装维修服务中心(装维中心)', '三星级', '三星', '3星', '★★★', '☆☆',
  '2021-05-06', '2021/5/6', '2021年5月6日', '20210506', '2021.13.1', '1,200', '120平方米', '12人', '88㎡', '1.5',
  '13800138000', '+86-13800138000', '020-12345678', '（020）12345678', '400-800-1234', '020—12345678', 'site1@gd.example.cn', 'A.B@Ex-ample.COM',
  '91440300MA5DC1RX2Y', '91440300-MA5DC1RX2Y', 'gd2021001', '中国电信', '电信', '中国移动广州分公司', '广州市', '地区', '广州市天河区天河路1号',
]
const text = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...SPECIAL), fc.constantFrom(...WORDS), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...WORDS),
)
const anyValue = fc.oneof(
  text,
  text,
  fc.double(),
  fc.integer({ min: -5, max: 100_000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
  fc.array(text, { maxLength: 4 }),
)
const RUNS = { numRuns: 2000 }

describe('text fast paths equal the passes they replace', () => {
  it('toVisibleHalfWidth is stripInvisible(toHalfWidth(·))', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(toVisibleHalfWidth(s)).toBe(stripInvisible(toHalfWidth(s)))
      }),
      RUNS,
    )
  })

  it('cleanText, cleanProse, cleanProseLines, nameKey, withoutSpaces', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        expect(cleanText(v)).toBe(refCleanText(v))
        expect(cleanProse(v)).toBe(refCleanProse(v))
        expect(cleanProseLines(v)).toBe(refCleanProseLines(v))
        expect(nameKey(v)).toBe(refNameKey(v))
        expect(withoutSpaces(cleanText(v))).toBe(refCleanText(v).replace(/\s+/g, ''))
      }),
      RUNS,
    )
  })
})

describe('field readers equal their pattern definitions', () => {
  it('type, star level, date, number, phone, e-mail, USCC, certificates, enterprise', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        expect(parseSiteType(v)).toBe(refParseSiteType(v))
        expect(parseStarLevel(v)).toBe(refParseStarLevel(v))
        expect(parseDate(v)).toBe(refParseDate(v))
        expect(parseDate(v, { date1904: true })).toBe(refParseDate(v, { date1904: true }))
        expect(parseNumber(v)).toBe(refParseNumber(v))
        expect(normalizePhone(v)).toBe(refNormalizePhone(v))
        expect(normalizeEmail(v)).toBe(refNormalizeEmail(v))
        expect(normalizeUscc(v)).toBe(refNormalizeUscc(v))
        expect(parseCertificateList(v)).toEqual(refParseCertificateList(v))
        expect(normalizeEnterprise(v)).toBe(refNormalizeEnterprise(v))
      }),
      RUNS,
    )
  })

  it('many certificate numbers in one cell: same list, same order', () => {
    const many = fc.array(fc.constantFrom('GD1', 'gd1', 'GD2', 'ＧＤ３', 'X', 'y', 'Y'), { minLength: 30, maxLength: 80 })
    fc.assert(fc.property(many, fc.integer({ min: 0, max: 500 }), (parts, k) => {
      const cell = parts.map((p, i) => `${p}${(i * 7 + k) % 40}`).join('、')
      expect(parseCertificateList(cell)).toEqual(refParseCertificateList(cell))
    }))
  })

  it('readSiteDraft: same values (same key order) and the same problems in the same order', () => {
    const FIELDS = Object.keys(SITE_FIELD_LABELS).filter((f) => f !== 'code' && f !== 'status')
    const good = fc.record({
      name: fc.constantFrom('广州天河路营业厅', 'X  Y'),
      type: fc.constantFrom('营业厅', '客服', 'HALL', '商店'),
      enterprise: fc.constantFrom('电信', '中国移动广州分公司', '其他公司'),
      recommender: fc.constantFrom('中国电信广州分公司', '推荐单位'),
      uscc: fc.constantFrom('91440300MA5DC1RX2Y', '91440300-ma5dc1rx2y'),
      city: fc.constantFrom('广州市', '深圳'),
      address: fc.constantFrom('广州市天河路1号', '天河路 1 号'),
      starLevel: fc.oneof(fc.constantFrom('三星级', '★★', '九星'), fc.integer({ min: 0, max: 8 })),
      manager: fc.constantFrom('王伟', '李娜'),
      phone: fc.constantFrom('13800138000', '（020）1234 5678'),
      applyDate: fc.oneof(fc.date({ min: new Date('1899-01-01'), max: new Date('2101-12-31') }), fc.constantFrom('2021-05-06', '2021年13月1日'), fc.integer({ min: 0, max: 80_000 })),
      staffCount: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constantFrom('12人', '1.5', '', ' ')),
      areaSqm: fc.oneof(fc.double({ min: 0, max: 2000, noNaN: true }), fc.constantFrom('120平方米', '-1')),
      seats: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant(new Date(0))),
      certificates: fc.constantFrom('GD1、gd1,GD2', ''),
      highlights: fc.oneof(text, fc.constant('坚持“客户至上”，\n推行首问负责制。'.repeat(200))),
      remarks: text,
    })
    const draft = fc.oneof(
      fc.dictionary(fc.constantFrom(...FIELDS), anyValue, { maxKeys: FIELDS.length }),
      good,
      good.chain((g) => fc.dictionary(fc.constantFrom(...FIELDS), anyValue, { maxKeys: 3 }).map((d) => ({ ...g, ...d }))),
    )
    fc.assert(
      fc.property(draft, fc.boolean(), (d, date1904) => {
        const got = readSiteDraft(d as SiteDraft, { date1904 })
        const want = refReadSiteDraft(d as SiteDraft, { date1904 })
        expect(got).toEqual(want)
        expect(got.values && Object.keys(got.values)).toEqual(want.values && Object.keys(want.values))
      }),
      RUNS,
    )
  })
})

describe('check helpers equal their pattern definitions', () => {
  it('usccProblem', () => {
    const code = fc.oneof(
      text,
      fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXYIOZSVa-中'), { minLength: 16, maxLength: 19 }).map((a) => a.join('')),
      fc.array(fc.constantFrom(...USCC_CHARSET), { minLength: 17, maxLength: 17 }).map((a) => a.join('')).chain((s) => fc.constantFrom(...USCC_CHARSET, 'I', 'a').map((c) => s + c)),
    )
    fc.assert(
      fc.property(code, (c) => {
        expect(usccProblem(c)).toEqual(refUsccProblem(c))
      }),
      RUNS,
    )
  })

  it('isIsoDate (and chineseDate of what it accepts)', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0')
    const date = fc.oneof(
      text,
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
      fc.tuple(fc.integer({ min: 1600, max: 2400 }).filter((y) => y % 4 === 0), fc.constantFrom(28, 29, 30)).map(([y, d]) => `${y}-02-${d}`),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    )
    fc.assert(
      fc.property(date, (s) => {
        expect(isIsoDate(s)).toBe(refIsIsoDate(s))
        if (isIsoDate(s)) expect(chineseDate(s)).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/)
      }),
      RUNS,
    )
  })

  it('isValidEmail', () => {
    const email = fc.oneof(
      text,
      fc.emailAddress(),
      fc.array(fc.constantFrom(...'aZ09.-_+!~@ 中', '.cn', '@b', '-', 'x'.repeat(62), 'y'.repeat(63)), { maxLength: 14 }).map((a) => a.join('')),
    )
    fc.assert(
      fc.property(email, (e) => {
        expect(isValidEmail(e)).toBe(refIsValidEmail(e))
      }),
      RUNS,
    )
  })

  it('invalidPhones', () => {
    const phones = fc.oneof(text, fc.array(fc.constantFrom('13800138000', '020-12345678', '400-800-1234', '/', '、', '，', ' ', '\u3000', '1', ''), { maxLength: 5 }).map((a) => a.join('')))
    fc.assert(
      fc.property(phones, (p) => {
        expect(invalidPhones(p)).toEqual(refInvalidPhones(p))
      }),
      RUNS,
    )
  })

  it('duplicate keys: cityKey (remembered), nameCityKey, addressKey', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(cityKey(a)).toBe(refCityKey(a))
        expect(cityKey(a)).toBe(refCityKey(a)) // the remembered answer too
        expect(nameCityKey(a, b)).toBe(refNameCityKey(a, b))
        expect(addressKey(a)).toBe(refAddressKey(a))
      }),
      RUNS,
    )
  })
})
