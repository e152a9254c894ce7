/**
 * Codes such as GD-2021-Y001 never break after a hyphen on paper: a 回执 listing thirty changed sites and a
 * 推荐函 whose template prints the site's code at every offset of a line, laid out by the letters builder,
 * converted by LibreOffice and read back with pdftotext; the .docx text still holds each code as typed.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { siteLetterContent, type LetterSite } from '../../../src-main/core/letters/content'
import { DEFAULT_FONTS } from '../../../src-main/core/letters/settings'
import { DEFAULT_TEMPLATES } from '../../../src-main/core/letters/templates'
import { receiptContent } from '../../../src-main/core/office/receipt'
import { packLetter } from '../../../src-main/services/letters/build'
import { codeSafeLines, holdsCode, lineTwips, TWO_CHARS } from '../../../src-main/services/letters/codeLines'
import { TEXT_WIDTH } from '../../../src-main/services/letters/measures'
import { pdfPages, readZip, tempDir, toPdf } from './helpers'

const code = (i: number) => `GD-2021-Y${String(i).padStart(3, '0')}`
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => code(from + i))

/** Each paragraph's text as Word and LibreOffice read it: its w:t contents in order, manual breaks as \n. */
function paragraphsOf(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:br\/>|<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => (m[0] === '<w:br/>' ? '\n' : m[1])).join(''),
  )
}

/** The lines LibreOffice printed, spaces dropped (pdftotext -layout pads justified and Latin–Chinese gaps). */
async function printedLines(pdf: string): Promise<string[]> {
  return (await pdfPages(pdf)).flatMap((p) => p.split('\n')).map((l) => l.replace(/\s+/g, ''))
}

/** Every code printed whole on one line, and no line ending or starting with a piece of a code. */
function expectWholeCodes(lines: string[], codes: string[]): void {
  for (const c of codes) expect(lines.filter((l) => l.includes(c)), `${c} whole on a line`).not.toHaveLength(0)
  const broken = lines.filter((l) => /[A-Z]{2}-(\d{4}-?)?$|^-?\d{4}-[A-Z]\d+|^-?[A-Z]\d{3}(?![-\d])/.test(l))
  expect(broken).toEqual([])
}

describe('line breaks around codes', () => {
  it('breaks only between pieces: the text kept whole, codes unsplit, no closing mark first on a line, each line fits', () => {
    const text = `五、与之相比：新增现场 10 个（${range(1, 10).join('、')}）；电话 020-12345678，文件 a-very-long-name.zip。`
    const lines = codeSafeLines(text, TEXT_WIDTH, TWO_CHARS)
    expect(lines.join('')).toBe(text)
    expect(lines.length).toBeGreaterThan(3)
    for (const c of range(1, 10)) expect(lines.some((l) => l.includes(c))).toBe(true)
    expect(lines.some((l) => l.includes('020-12345678'))).toBe(true)
    for (const l of lines.slice(1)) expect(l).not.toMatch(/^[、，。；：）]/)
    lines.forEach((l, i) => expect(lineTwips(l)).toBeLessThanOrEqual(i === 0 ? TEXT_WIDTH - TWO_CHARS : TEXT_WIDTH))

    // A full-width space and an emoji are kept; a name longer than a line is cut by characters.
    const odd = `甲\u3000乙😀${'x'.repeat(120)}-1`
    expect(codeSafeLines(odd, TEXT_WIDTH, 0).join('')).toBe(odd)
    expect(codeSafeLines(odd, TEXT_WIDTH, 0).length).toBeGreaterThan(1)
    expect(holdsCode('粤通协〔2021〕12号')).toBe(false)
    expect(holdsCode('T/CCSA 248-2019')).toBe(true)
  })

  it('a 回执 with thirty changed sites and a 推荐函 printing its code at every offset: whole codes in LibreOffice, exact text in the .docx', async () => {
    const dir = tempDir('starsite-codes-')
    const receipt = receiptContent({
      office: '服务现场质量推进活动办公室',
      bundle: {
        province: '广东省',
        association: '广东省通信行业协会',
        campaignYear: 2021,
        originalName: '广东-2021-报送包.zip',
        sha256: 'ab'.repeat(32),
        size: 68_000,
        receivedAt: '2021-06-01T08:00:00.000Z',
        fingerprint: '24583915 85828094 E3CF5DC0 7481504A C0EF85DF 58856905 B123A357 75EF6D2A',
        sites: 300,
        files: 1204,
      },
      superseded: {
        originalName: '广东-2021-第一次.zip',
        receivedAt: '2021-05-20T08:00:00.000Z',
        diff: {
          added: range(1, 10).map((c) => ({ code: c, name: 'x' })),
          withdrawn: range(101, 10).map((c) => ({ code: c, name: 'x' })),
          changed: range(201, 10).map((c) => ({ code: c, field: 'starLevel', before: 4, after: 5 })),
        },
      },
      docNo: '推进办函〔2021〕7号',
      date: '2021年6月1日',
    })
    const receiptCodes = [...range(1, 10), ...range(101, 10), ...range(201, 10)]

    // One paragraph per offset: the code (and a phone number, and the standard's number) land at every
    // position of a 28-character line.
    const site: LetterSite = {
      code: 'GD-2021-Y123',
      name: '广州天河营业厅',
      type: 'hall',
      enterprise: '中国移动',
      recommender: '中国移动通信集团广东有限公司',
      city: '广州市',
      address: '天河路 1 号',
      starLevel: 4,
      highlights: '',
    }
    const siteBody = Array.from({ length: 28 }, (_, k) => `${'现'.repeat(k)}编号{现场编号}，电话{联系电话}，标准{标准}。`).join('\n')
    const letter = siteLetterContent({
      site,
      issuer: { name: '广东省通信行业协会', shortName: '粤通协', contact: '张三', phone: '020-87654321' },
      campaign: { year: 2021, name: '2021年信息通信行业星级服务现场评定活动', noticeNo: '通企〔2021〕35号', nationalOffice: { name: '推进办公室' } },
      templates: { ...DEFAULT_TEMPLATES, siteBody },
      docNo: '粤通协〔2021〕1号',
      date: '2021年6月1日',
      attachments: [{ kind: 'other', originalName: `${'附'.repeat(20)}GD-2021-Y123现场照片.pdf` }],
    })

    const files = [path.join(dir, 'receipt.docx'), path.join(dir, 'letter.docx')]
    fs.writeFileSync(files[0], await packLetter(receipt, { format: 'letter', fonts: DEFAULT_FONTS }))
    fs.writeFileSync(files[1], await packLetter(letter, { format: 'letter', fonts: DEFAULT_FONTS }))
    const [receiptPdf, letterPdf] = await toPdf(files, dir)

    const receiptLines = await printedLines(receiptPdf)
    expectWholeCodes(receiptLines, receiptCodes)
    expect(receiptLines.join('')).toContain('广东-2021-第一次.zip')
    const letterLines = await printedLines(letterPdf)
    expectWholeCodes(letterLines, ['GD-2021-Y123'])
    expect(letterLines.filter((l) => l.includes('GD-2021-Y123')).length).toBeGreaterThanOrEqual(29)
    expect(letterLines.filter((l) => l.includes('020-87654321'))).toHaveLength(28)
    // The standard's designation may break at its space (T/CCSA | 248-2019), never at the hyphen.
    expect(letterLines.filter((l) => l.includes('248-2019'))).toHaveLength(28)

    // The .docx holds the codes as typed: ASCII hyphens, no non-breaking hyphen, joiner or zero-width space.
    const receiptXml = (await readZip(files[0])).get('word/document.xml')!
    const letterXml = (await readZip(files[1])).get('word/document.xml')!
    for (const xml of [receiptXml, letterXml]) expect(xml).not.toMatch(/noBreakHyphen|\u2011|\u2060|\u200b/)
    const receiptText = paragraphsOf(receiptXml).join('\n')
    for (const c of receiptCodes) expect(receiptText).toContain(c)
    const five = paragraphsOf(receiptXml).find((p) => p.startsWith('五、'))!
    expect(five.replace(/\n/g, '')).toBe(receipt.body.find((b) => typeof b === 'string' && b.startsWith('五、')))
    const letterText = paragraphsOf(letterXml)
    expect(letterText.filter((p) => p.includes('GD-2021-Y123'))).toHaveLength(29)
  }, 120_000)
})
