/**
 * What a person sees: the letters converted by LibreOffice to PDF and read back with poppler. Two documents in
 * one conversion (a few seconds each on two cores): a per-site letter whose stored name is hostile (XML
 * metacharacters, quotes, an emoji, a control character), and a cover letter listing 300 sites.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { generateCoverLetter } from '../../../src-main/services/letters/generate'
import { addAttachment, addSites, lettersApp, pdfInfo, pdfPages, tempDir, toPdf } from './helpers'

const HOSTILE = 'A&B<营业厅>"一号"\'店\'😀\u0007广州'
const SHOWN = HOSTILE.replace('\u0007', '')
const FINGERPRINT = 'SHA256:3f8a9c0d1e2b4a5f6c7d8e9f0a1b2c3d'

describe('letters as LibreOffice renders them', () => {
  it('per-site letter and a 300-site cover letter: A4, the words in place, the annex header on every page', async () => {
    const app = lettersApp()
    const [hostile] = addSites(app, [HOSTILE])
    addAttachment(app, hostile, 'superior-letter', '推荐函.pdf')
    const many = addSites(app, Array.from({ length: 299 }, (_, i) => `测试营业厅${i + 1}号`))
    const env = await dispatch(app, 'letters.generate', { siteIds: [hostile] })
    if (!env.ok) throw new Error(env.error.message)
    const letter = (env.value as { generated: { path: string; docNo: string }[] }).generated[0]
    expect(letter.docNo).toBe('粤通协〔2021〕1号')
    // The file name lost what Windows forbids; the control character is gone too.
    expect(path.basename(letter.path)).toBe('GD-2021-Y001_A&B_营业厅__一号_\'店\'😀广州.docx')

    const cover = await generateCoverLetter(app, { siteIds: [hostile, ...many], fingerprint: FINGERPRINT })
    expect(cover.docNo).toBe('粤通协〔2021〕2号')

    const outDir = tempDir('starsite-pdf-')
    const [letterPdf, coverPdf] = await toPdf([letter.path, cover.path], outDir)

    const info = await pdfInfo(letterPdf)
    expect(info.size).toMatch(/^595(\.\d+)? x 841\.89|^595(\.\d+)? x 842/)
    const letterText = (await pdfPages(letterPdf)).join('\n').replace(/[ \t]+/g, '')
    const flat = letterText.replace(/\n/g, '')
    expect(flat).toContain('广东省通信行业协会')
    expect(flat).toContain('粤通协〔2021〕1号')
    expect(flat).toContain(`关于推荐${SHOWN.replace(/ /g, '')}的函`)
    expect(flat).toContain('附件：1.上级部门推荐函')
    expect(flat).toContain('2021年5月6日')
    expect(flat).not.toContain('\u0007')
    // A typical letter fits on one page, and page one carries no page number.
    expect(info.pages).toBe(1)
    expect(letterText).not.toMatch(/—\s*1\s*—/)

    const coverInfo = await pdfInfo(coverPdf)
    expect(coverInfo.size).toMatch(/^595(\.\d+)? x 841\.89|^595(\.\d+)? x 842/)
    const pages = (await pdfPages(coverPdf)).map((p) => p.replace(/[ \t]+/g, ''))
    expect(pages).toHaveLength(coverInfo.pages)
    const all = pages.join('\n')
    expect(all).toContain('关于报送2021年星级服务现场推荐材料的函')
    expect(all).toContain('粤通协〔2021〕2号')
    expect(all).toContain(`报送包签名公钥指纹：\n${FINGERPRINT}`)
    expect(all).toContain('2021年5月6日')
    for (const name of ['测试营业厅1号', '测试营业厅150号', '测试营业厅299号']) expect(all).toContain(name)
    for (const code of ['GD-2021-Y002', 'GD-2021-Y300']) expect(all).toContain(code)
    const annexStart = pages.findIndex((p) => p.includes('附件1'))
    expect(annexStart).toBeGreaterThan(0)
    const annexPages = pages.slice(annexStart)
    expect(annexPages.length).toBeGreaterThanOrEqual(5)
    for (const p of annexPages) expect(p).toMatch(/序号现场编号现场名称类型推荐单位申报星级/)
    // Odd pages carry their number at the right, even ones at the left: both appear from page two on.
    expect(pages[1]).toMatch(/—2—/)
    expect(pages[2]).toMatch(/—3—/)
  })
})
