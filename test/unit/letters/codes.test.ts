/**
 * Site codes in letters: a 回执 for a re-sent bundle lists its thirty changed sites in an annex table whose
 * 现场编号 column is measured to hold its longest code, so LibreOffice prints every code whole on one line
 * (PDF read back with pdftotext) while the .docx holds each code as typed; and the prose of every letter stays
 * justified and reflowing: the 推荐函, which prints T/CCSA 248-2019 and the site's code in its body, has no
 * manual line breaks.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { siteLetterContent, type LetterSite } from '../../../src-main/core/letters/content'
import { DEFAULT_FONTS } from '../../../src-main/core/letters/settings'
import { DEFAULT_TEMPLATES } from '../../../src-main/core/letters/templates'
import { receiptContent } from '../../../src-main/core/office/receipt'
import { CELL_MARGIN } from '../../../src-main/services/letters/annexTable'
import { packLetter } from '../../../src-main/services/letters/build'
import { codeColumnWidth } from '../../../src-main/services/letters/changesTable'
import { printedWidth, SIZE } from '../../../src-main/services/letters/measures'
import { pdfPages, readZip, tempDir, toPdf } from './helpers'

const code = (i: number) => `GD-2021-Y${String(i).padStart(3, '0')}`
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => code(from + i))
/** Longer than the cover letter's fixed 现场编号 column holds on one line: the receipt's column must widen. */
const LONG = 'GUANGDONG-2021-HALL-0001'

/** Each paragraph of document.xml (table cells included): its XML and its text (w:t contents in order). */
function paragraphsOf(documentXml: string): { xml: string; text: string }[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => ({
    xml: p[0],
    text: [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  }))
}

/** The lines LibreOffice printed, spaces dropped (pdftotext -layout pads table columns and Latin–Chinese gaps). */
async function printedLines(pdf: string): Promise<string[]> {
  return (await pdfPages(pdf)).flatMap((p) => p.split('\n')).map((l) => l.replace(/\s+/g, ''))
}

const justified = (xml: string) => /<w:jc w:val="both"\/>/.test(xml)

describe('site codes in letters', () => {
  it('the code column: as wide as the longest code prints at 五号 with its margins, never less than its heading, capped', () => {
    // A code measured at least as wide as Times New Roman and Arial print it: 12 characters, more than 6 ems.
    expect(printedWidth('GD-2021-Y001', SIZE.五号)).toBeGreaterThan(6 * 210)
    expect(printedWidth('现场编号', SIZE.五号)).toBe(4 * 210)
    const usual = codeColumnWidth(range(1, 30))
    expect(usual).toBeGreaterThanOrEqual(printedWidth('GD-2021-Y001', SIZE.五号) + 2 * CELL_MARGIN)
    expect(codeColumnWidth([])).toBeGreaterThanOrEqual(4 * 210 + 2 * CELL_MARGIN)
    expect(codeColumnWidth([...range(1, 3), LONG])).toBeGreaterThan(usual + 1500)
    expect(codeColumnWidth(['X'.repeat(200)])).toBe(3600)
  })

  it('a 回执 listing thirty changed sites prints every code whole on one line; the 推荐函 prose stays justified, no manual breaks', async () => {
    const dir = tempDir('starsite-codes-')
    const added = [...range(1, 9), LONG]
    const withdrawn = range(101, 10)
    const changed = range(201, 10)
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
          added: added.map((c, i) => ({ code: c, name: `佛山顺德第${i + 1}营业厅` })),
          withdrawn: withdrawn.map((c) => ({ code: c, name: '天河营业厅' })),
          changed: changed.flatMap((c) => [
            { code: c, field: 'starLevel', before: 4, after: 5 },
            { code: c, field: 'address', before: '天河路1号', after: '天河路2号' },
          ]),
        },
        names: Object.fromEntries(changed.map((c) => [c, '广州天河（体育中心）营业厅'])),
      },
      docNo: '推进办函〔2021〕7号',
      date: '2021年6月1日',
    })
    const receiptCodes = [...added, ...withdrawn, ...changed]

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
    // The default templates (T/CCSA 248-2019 in the second paragraph) and one paragraph with the code mid-line.
    const siteBody = `${DEFAULT_TEMPLATES.siteBody}\n${'现'.repeat(20)}编号{现场编号}，电话{联系电话}，标准{标准}。`
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
    const [receiptPdf] = await toPdf([files[0]], dir)

    // On paper: each code on one line, in its table row with its change; nothing of a code left at a line's end.
    const lines = await printedLines(receiptPdf)
    for (const c of added) expect(lines.filter((l) => l.includes(c) && l.includes('新增')), `${c} whole in its row`).toHaveLength(1)
    for (const c of withdrawn) expect(lines.filter((l) => l.includes(c) && l.includes('撤回')), `${c} whole in its row`).toHaveLength(1)
    for (const c of changed) expect(lines.filter((l) => l.includes(c) && l.includes('改动')), `${c} whole in its row`).toHaveLength(1)
    expect(lines.filter((l) => /[A-Z]{2}-(\d{4}-?)?$|^-?\d{4}-[A-Z]|^-?[A-Z]\d{3}(?![-\d])|^-?HALL-|^-?0001$/.test(l))).toEqual([])
    const flat = lines.join('')
    expect(flat).toContain('与之相比：新增现场10个；撤回现场10个；改动20处，涉及现场10个。变动的现场见附件。')
    expect(flat).toContain('附件：1.报送包变动的现场')
    // Names and changed fields wrap inside their cells (not checked on paper); their text is checked below.
    expect(flat).toContain('申报星级')

    // In the .docx: each code exactly as typed (ASCII hyphens) in a cell of its own; the prose holds no code
    // and no manual break, and stays justified.
    const receiptXml = (await readZip(files[0])).get('word/document.xml')!
    const letterXml = (await readZip(files[1])).get('word/document.xml')!
    for (const xml of [receiptXml, letterXml]) expect(xml).not.toMatch(/noBreakHyphen|\u2011|\u2060|\u200b/)
    const receiptParagraphs = paragraphsOf(receiptXml)
    for (const c of receiptCodes) expect(receiptParagraphs.filter((p) => p.text === c), c).toHaveLength(1)
    expect(receiptParagraphs.filter((p) => p.text === '申报星级、详细地址')).toHaveLength(10)
    expect(receiptParagraphs.filter((p) => p.text === '广州天河（体育中心）营业厅')).toHaveLength(10)
    const five = receiptParagraphs.find((p) => p.text.startsWith('五、'))!
    expect(five.text).toBe(receipt.body.find((b) => typeof b === 'string' && b.startsWith('五、')))
    expect(five.text).not.toMatch(/GD-/)
    expect(justified(five.xml)).toBe(true)
    expect(five.xml).not.toContain('<w:br/>')

    const letterParagraphs = paragraphsOf(letterXml)
    const body = letter.body.filter((b): b is string => typeof b === 'string')
    expect(body.some((b) => b.includes('T/CCSA 248-2019'))).toBe(true)
    for (const b of body) {
      const p = letterParagraphs.filter((x) => x.text === b)
      expect(p, b).toHaveLength(1)
      expect(justified(p[0].xml), b).toBe(true)
      expect(p[0].xml, b).not.toContain('<w:br/>')
    }
    const note = letterParagraphs.find((p) => p.text.startsWith('附件：1.'))!
    expect(note.text).toContain('GD-2021-Y123现场照片')
    expect(justified(note.xml)).toBe(true)
    expect(note.xml).not.toContain('<w:br/>')
  }, 120_000)
})
