import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
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
import { cleanProse, cleanProseLines, cleanText, nameKey, toHalfWidth } from '../../../src-main/core/text'

/** ASCII -> its full-width form (U+FF01..U+FF5E), space -> ideographic space. */
const toFullWidth = (s: string) =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000')

describe('text', () => {
  it('toHalfWidth turns full-width ASCII and the ideographic space into ASCII, leaves CJK alone', () => {
    expect(toHalfWidth('ＡＢＣ１２３（广州）\u3000！')).toBe('ABC123(广州) !')
    expect(toHalfWidth('营业厅')).toBe('营业厅')
  })

  it('property: toHalfWidth of the full-width form of any printable ASCII string is that string', () => {
    const printable = fc.array(fc.integer({ min: 0x20, max: 0x7e }), { maxLength: 60 }).map((cs) => String.fromCharCode(...cs))
    fc.assert(fc.property(printable, (ascii) => toHalfWidth(toFullWidth(ascii)) === ascii))
  })

  it('property: toHalfWidth is idempotent', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => toHalfWidth(toHalfWidth(s)) === toHalfWidth(s)))
  })

  it('cleanText trims, collapses whitespace runs (incl. NBSP), and makes empty of null/undefined', () => {
    expect(cleanText('  广州\t\n天河\u00A0 营业厅  ')).toBe('广州 天河 营业厅')
    expect(cleanText(null)).toBe('')
    expect(cleanText(undefined)).toBe('')
    expect(cleanText(42)).toBe('42')
  })

  it('cleanProseLines keeps line breaks but at most one blank line, and normalises CRLF', () => {
    expect(cleanProseLines('  第一行  \r\n\r\n\r\n\r\n  第二行\t\t说明 ')).toBe('第一行\n\n第二行 说明')
  })

  it('prose keeps the full-width punctuation typed; code-like cleaning makes it half-width', () => {
    expect(cleanProse(' 广州天河营业厅（新址）\u200b ')).toBe('广州天河营业厅（新址）')
    expect(cleanProseLines('在抗疫斗争中表现突出，获得表彰！\r\n备注：无')).toBe('在抗疫斗争中表现突出，获得表彰！\n备注：无')
    expect(cleanProse('广州\u3000\u3000天河')).toBe('广州 天河')
    expect(cleanText('广州天河营业厅（新址）')).toBe('广州天河营业厅(新址)')
  })

  it('nameKey ignores spaces, width and case', () => {
    expect(nameKey(' 广州 天河ＡＢ营业厅 ')).toBe(nameKey('广州天河ab营业厅'))
  })
})

describe('parseStarLevel', () => {
  it.each([
    [3, 3],
    ['3', 3],
    ['３', 3],
    ['三星', 3],
    ['三星级', 3],
    ['3星', 3],
    ['★★★', 3],
    ['☆☆☆☆', 4],
    [' 五星级 ', 5],
    ['一星级', 1],
    ['两星', 2],
  ])('%j -> %i', (input, expected) => {
    expect(parseStarLevel(input)).toBe(expected)
  })

  it.each([0, 8, 3.5, '', '八星', '星级', '★★★★★★★★', 'three', '3星星', null, undefined])('%j is unreadable', (input) => {
    expect(parseStarLevel(input)).toBeNull()
  })

  it('property: every way of writing 1..5 reads as the same level', () => {
    const cn = ['', '一', '二', '三', '四', '五']
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), (n) =>
        [n, String(n), toFullWidth(String(n)), `${cn[n]}星`, `${cn[n]}星级`, `${n}星级`, '★'.repeat(n)].every(
          (v) => parseStarLevel(v) === n,
        ),
      ),
    )
  })
})

describe('parseSiteType', () => {
  it.each([
    ['hall', 'hall'],
    ['营业厅', 'hall'],
    ['电信业务实体营业厅', 'hall'],
    [' 实体 营业厅 ', 'hall'],
    ['客服中心', 'callcenter'],
    ['呼叫中心', 'callcenter'],
    ['Call Center', 'callcenter'],
    ['装维中心', 'installation'],
    ['安装维修服务中心', 'installation'],
    ['电信业务安装维修服务中心（装维中心）', 'installation'],
    ['电信业务安装维修服务中心(装维中心)', 'installation'],
  ])('%j -> %s', (input, expected) => {
    expect(parseSiteType(input)).toBe(expected)
  })

  it.each(['', '营业部', '数据中心', null])('%j is unreadable', (input) => {
    expect(parseSiteType(input)).toBeNull()
  })
})

describe('parseDate', () => {
  it.each([
    [new Date(Date.UTC(2021, 4, 6)), '2021-05-06'],
    [44322, '2021-05-06'],
    [44322.75, '2021-05-06'], // a time of day on the serial does not move the date
    ['2021-05-06', '2021-05-06'],
    ['2021/5/6', '2021-05-06'],
    ['2021.5.6', '2021-05-06'],
    ['2021年5月6日', '2021-05-06'],
    ['2021 年 5 月 6 日', '2021-05-06'],
    ['２０２１－０５－０６', '2021-05-06'],
    ['20210506', '2021-05-06'],
    ['2020-02-29', '2020-02-29'],
  ])('%j -> %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected)
  })

  it('reads Excel serials in the 1904 date system when told so', () => {
    expect(parseDate(42860, { date1904: true })).toBe('2021-05-06')
    expect(parseDate(42860)).not.toBe('2021-05-06')
  })

  it.each(['2021-02-30', '2021-13-01', '2021-00-10', '2021-02-29', '20211301', '5/6/2021', '明天', '', 0, -1, NaN, Infinity, new Date('x')])(
    '%j is unreadable',
    (input) => {
      expect(parseDate(input)).toBeNull()
    },
  )

  it('property: any valid date written several ways reads as the same ISO date', () => {
    const day = fc.record({ y: fc.integer({ min: 1901, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
      .filter(({ y, m, d }) => new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d)
    fc.assert(
      fc.property(day, ({ y, m, d }) => {
        const mm = String(m).padStart(2, '0')
        const dd = String(d).padStart(2, '0')
        const iso = `${y}-${mm}-${dd}`
        const utc = Date.UTC(y, m - 1, d)
        const serial1900 = (utc - Date.UTC(1899, 11, 30)) / 86_400_000
        const serial1904 = (utc - Date.UTC(1904, 0, 1)) / 86_400_000
        const forms = [iso, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, `${y}${mm}${dd}`, toFullWidth(iso), new Date(utc), serial1900]
        return forms.every((f) => parseDate(f) === iso) && (serial1904 < 1 || parseDate(serial1904, { date1904: true }) === iso)
      }),
    )
  })
})

describe('parseNumber', () => {
  it.each([
    [12, 12],
    ['12', 12],
    ['1,200', 1200],
    ['１２００', 1200],
    ['１，２００', 1200],
    ['120.5平方米', 120.5],
    ['85㎡', 85],
    ['30 人', 30],
    ['0', 0],
  ])('%j -> %d', (input, expected) => {
    expect(parseNumber(input)).toBe(expected)
  })

  it.each(['-5', -5, 'abc', '1.2.3', '一百', NaN, Infinity])('%j is unreadable', (input) => {
    expect(parseNumber(input)).toBeNull()
  })

  it('blank is null (the field is optional, not wrong)', () => {
    expect(parseNumber('')).toBeNull()
    expect(parseNumber('  ')).toBeNull()
  })
})

describe('parseCertificateList', () => {
  it('splits on 、，,；; and line breaks, upper-cases, drops blanks and duplicates', () => {
    expect(parseCertificateList('gd-001、GD-002，GD-003,GD-004；GD-005;GD-006\nGD-007\r\nGD-001、、')).toEqual([
      'GD-001',
      'GD-002',
      'GD-003',
      'GD-004',
      'GD-005',
      'GD-006',
      'GD-007',
    ])
  })

  it('makes full-width letters and digits half-width', () => {
    expect(parseCertificateList('ＧＤ２０２１０１')).toEqual(['GD202101'])
  })

  it('accepts an array (from the form) and empty values', () => {
    expect(parseCertificateList(['a1', ' b2 '])).toEqual(['A1', 'B2'])
    expect(parseCertificateList(null)).toEqual([])
    expect(parseCertificateList('')).toEqual([])
  })

  it('property: unique certificate numbers joined by any mix of separators come back in order', () => {
    const cert = fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{0,11}$/)
    const sep = fc.constantFrom('、', '，', ',', '；', ';', '\n', '\r\n', ' 、 ')
    fc.assert(
      fc.property(fc.uniqueArray(cert, { minLength: 1, maxLength: 8 }), fc.array(sep, { minLength: 8, maxLength: 8 }), (certs, seps) => {
        const text = certs.map((c, i) => (i === 0 ? c : seps[i] + c)).join('')
        expect(parseCertificateList(text)).toEqual(certs)
      }),
    )
  })
})

describe('small normalisers', () => {
  it('normalizePhone drops brackets and spaces, unifies dashes', () => {
    expect(normalizePhone('（020）8888 8888')).toBe('02088888888')
    expect(normalizePhone('020—88888888')).toBe('020-88888888')
    expect(normalizePhone('１３８ ００１３ ８０００')).toBe('13800138000')
  })

  it('normalizeEmail lower-cases and removes spaces', () => {
    expect(normalizeEmail(' Zhang.San@Example.COM ')).toBe('zhang.san@example.com')
  })

  it('normalizeUscc removes spaces and dashes and upper-cases', () => {
    expect(normalizeUscc('9144 0000-7192 8373 8x')).toBe('91440000719283738X')
  })
})
