/** typesetChinese: ASCII punctuation typed in Chinese prose prints full-width; everything else is left alone. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nameKey } from '../../../src-main/core/text'
import { typesetChinese } from '../../../src-main/core/typeset'

describe('typesetChinese', () => {
  it.each([
    ['广州(新址)营业厅', '广州（新址）营业厅'],
    ['在抗疫斗争中表现突出,获得表彰!', '在抗疫斗争中表现突出，获得表彰！'],
    ['备注: 无', '备注：无'],
    ['表现突出 , 获得表彰', '表现突出，获得表彰'],
    ['是否达标?是;已复核', '是否达标？是；已复核'],
    ['(新址),好', '（新址），好'],
    ['中国移动(China Mobile)', '中国移动（China Mobile）'],
    ['时间:10:30,地点:天河', '时间：10:30，地点：天河'],
    ['网址:http://example.cn/a?b=1', '网址：http://example.cn/a?b=1'],
    ['见 http://a.cn/星级?x=1 ,谢谢!', '见 http://a.cn/星级?x=1，谢谢！'],
    ['第一行,\n第二行(补充)', '第一行，\n第二行（补充）'],
  ])('%s → %s', (typed, printed) => {
    expect(typesetChinese(typed)).toBe(printed)
  })

  it.each([
    'Hello, world! (test): yes; no?',
    '共1,000人',
    '电话(020)12345678',
    '邮箱 site1@gd.example.cn',
    'https://example.cn:8080/path?q=1',
    '10:30',
    '广州天河营业厅（新址）',
    '突出\n,abc',
    'ABC(DEF)中文',
    '=HYPERLINK("http://example.com/x","点我")',
    '详见官网(https://example.cn/星级)',
    '联系人(邮箱zs@example.cn)',
    '官网 http://example.cn/星级?a=1,2',
    '',
  ])('leaves %j as it is', (text) => {
    expect(typesetChinese(text)).toBe(text)
  })

  const chars = fc.constantFrom(...'广州新址营业厅表彰AbZ019 ,:;!?()（），：@./\n'.split(''), '𠀀', '“', '”')
  const text = fc.array(chars, { maxLength: 30 }).map((a) => a.join(''))

  it('property: the key of what is printed is the key of what was typed', () => {
    fc.assert(fc.property(text, (s) => nameKey(typesetChinese(s)) === nameKey(s)), { numRuns: 3000 })
  })

  it('property: idempotent, and text with no Chinese character is returned unchanged', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t = typesetChinese(s)
        expect(typesetChinese(t)).toBe(t)
        if (!/[\u4e00-\u9fff\ud840-\ud87f]/.test(s)) expect(t).toBe(s)
      }),
      { numRuns: 3000 },
    )
  })

  it('property: only the seven marks change and spaces around a changed mark go; nothing else moves', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t = typesetChinese(s)
        const strip = (x: string) => x.replace(/ /g, '')
        const a = strip(s)
        const b = strip(t)
        expect(b.length).toBe(a.length)
        for (let i = 0; i < a.length; i++) {
          if (a[i] === b[i]) continue
          expect('(),:;!?').toContain(a[i])
          expect(b.charCodeAt(i)).toBe(a.charCodeAt(i) + 0xfee0)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('property: digits on both sides of a comma or colon keep it ASCII (1,000 and 10:30)', () => {
    const digit = fc.constantFrom(...'0123456789')
    fc.assert(
      fc.property(text, digit, fc.constantFrom(',', ':'), digit, text, (pre, d1, mark, d2, post) => {
        expect(typesetChinese(`${pre}${d1}${mark}${d2}${post}`)).toContain(`${d1}${mark}${d2}`)
      }),
      { numRuns: 2000 },
    )
  })
})
