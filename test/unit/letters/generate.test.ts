/**
 * Per-site letters through the service and the contract: what the .docx says in its XML, which sites are
 * refused, how document numbers behave, and that a cancelled run leaves no half-written file.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { AppError } from '../../../src-main/core/errors'
import { queryAudit } from '../../../src-main/db/repositories/audit'
import type { JobHandle } from '../../../src-main/services/jobs'
import { generateLetters } from '../../../src-main/services/letters/generate'
import { addAttachment, addErrorFinding, addSites, expectLetterFormat, lettersApp, readZip, tempDir } from './helpers'

type GenerateOut = {
  generated: { siteId: number; siteCode: string; path: string; docNo: string }[]
  skipped: { siteId: number; siteCode: string; siteName: string; reasons: string[] }[]
}

async function generate(app: ReturnType<typeof lettersApp>, input: object = {}): Promise<GenerateOut> {
  const env = await dispatch(app, 'letters.generate', input)
  if (!env.ok) throw new Error(env.error.message)
  return env.value as GenerateOut
}

describe('letters.generate', () => {
  it('writes a GB/T 9704 letter per site: A4, margins, fonts, 文号, title, odd/even footers, 附件说明', async () => {
    const app = lettersApp()
    const [id] = addSites(app, ['广州天河营业厅'])
    addAttachment(app, id, 'superior-letter', '移动推荐函.pdf')
    addAttachment(app, id, 'training-certificate', '证书.pdf')
    const out = await generate(app)
    expect(out.skipped).toEqual([])
    expect(out.generated).toEqual([
      { siteId: id, siteCode: 'GD-2021-Y001', docNo: '粤通协〔2021〕1号', path: path.join(app.dataDir, 'outputs', '推荐函', 'GD-2021-Y001_广州天河营业厅.docx') },
    ])
    const zip = await readZip(out.generated[0].path)
    expectLetterFormat(zip, '广东省通信行业协会')
    const doc = zip.get('word/document.xml')!
    expect(doc).toContain('粤通协〔2021〕1号')
    expect(doc).toContain('关于推荐广州天河营业厅的函')
    expect(doc).toContain('中国通信企业协会信息通信服务工作委员会服务现场质量推进活动办公室：')
    expect(doc).toContain('附件：1.上级部门推荐函')
    expect(doc).toContain('2.培训合格证书')
    expect(doc).toContain('2021年5月6日')

    const audit = queryAudit(app.db, { entity: 'letters', limit: 5 })
    expect(audit[0].summary).toBe('生成推荐函 1 份，跳过 0 个现场')
  })

  it('skips a site with an open error-level finding and says why; a warning does not block', async () => {
    const app = lettersApp()
    const [ok, blocked, warned] = addSites(app, ['甲营业厅', '乙营业厅', '丙营业厅'])
    addErrorFinding(app, blocked, '缺少上级部门推荐函，请上传')
    app.db
      .prepare(`INSERT INTO findings (site_id, rule, severity, message, fingerprint, found_at) VALUES (?, 'email-format', 'warning', '邮箱格式不对', 'e', ?)`)
      .run(warned, app.now())
    const out = await generate(app)
    expect(out.generated.map((g) => g.siteId)).toEqual([ok, warned])
    expect(out.skipped).toEqual([{ siteId: blocked, siteCode: 'GD-2021-Y002', siteName: '乙营业厅', reasons: ['缺少上级部门推荐函，请上传'] }])
    expect(fs.readdirSync(path.dirname(out.generated[0].path)).sort()).toEqual(['GD-2021-Y001_甲营业厅.docx', 'GD-2021-Y003_丙营业厅.docx'])
  })

  it('document numbers: stable on regeneration, next number for a new letter, new number only on renumber', async () => {
    const app = lettersApp()
    const [a, b] = addSites(app, ['甲营业厅', '乙营业厅'])
    const first = await generate(app)
    expect(first.generated.map((g) => g.docNo)).toEqual(['粤通协〔2021〕1号', '粤通协〔2021〕2号'])
    const again = await generate(app)
    expect(again.generated.map((g) => g.docNo)).toEqual(['粤通协〔2021〕1号', '粤通协〔2021〕2号'])
    const [c] = addSites(app, ['丙营业厅'])
    const third = await generate(app, { siteIds: [c] })
    expect(third.generated[0].docNo).toBe('粤通协〔2021〕3号')

    const list = await dispatch(app, 'letters.list', {})
    if (!list.ok) throw new Error(list.error.message)
    const letters = (list.value as { letters: { id: number; siteId: number; docNo: string }[] }).letters
    expect(letters.map((l) => [l.siteId, l.docNo])).toEqual([[a, '粤通协〔2021〕1号'], [b, '粤通协〔2021〕2号'], [c, '粤通协〔2021〕3号']])

    const renum = await dispatch(app, 'letters.renumber', { letterId: letters[0].id })
    expect(renum).toMatchObject({ ok: true, value: { docNo: '粤通协〔2021〕4号', previousDocNo: '粤通协〔2021〕1号' } })
    const xml = (await readZip(first.generated[0].path)).get('word/document.xml')!
    expect(xml).toContain('粤通协〔2021〕4号')
    expect(xml).not.toContain('粤通协〔2021〕1号')
    // After renumbering, regeneration keeps the new number.
    expect((await generate(app, { siteIds: [a] })).generated[0].docNo).toBe('粤通协〔2021〕4号')
  })

  it('a cancelled run stops between letters and leaves no partial or temp file', async () => {
    const app = lettersApp()
    addSites(app, ['甲营业厅', '乙营业厅', '丙营业厅'])
    const outDir = tempDir()
    // A job handle of our own: the registry's progress events are throttled by time, so cancelling from them
    // would make the test depend on the clock. The user presses cancel as soon as the first letter is done.
    let pressed = false
    const job: JobHandle = {
      jobId: 'cancel-test-1',
      signal: new AbortController().signal,
      progress: (_phase, done) => {
        if (done === 1) pressed = true
      },
      throwIfCancelled: () => {
        if (pressed) throw new AppError('cancelled', '任务已取消')
      },
    }
    await expect(generateLetters(app, { outDir }, job)).rejects.toMatchObject({ code: 'cancelled' })
    const files = fs.readdirSync(outDir)
    expect(files).toEqual(['GD-2021-Y001_甲营业厅.docx'])
    expect((await readZip(path.join(outDir, files[0]))).get('word/document.xml')).toContain('甲营业厅')
    const rows = app.db.prepare('SELECT doc_no FROM letters').all()
    expect(rows).toEqual([{ doc_no: '粤通协〔2021〕1号' }])
    // The number of the letter that was not written is still free.
    expect(app.db.prepare('SELECT last_value FROM doc_counters').get()).toEqual({ last_value: 1 })
    expect(queryAudit(app.db, { entity: 'letters', limit: 1 })[0].summary).toContain('已取消')
  })
})

describe('letter settings and preview', () => {
  it('saves templates, fonts and format after validation; the letter then uses them', async () => {
    const app = lettersApp()
    const got = await dispatch(app, 'letters.templates.get', {})
    if (!got.ok) throw new Error(got.error.message)
    const current = got.value as { format: string; fonts: Record<string, string>; templates: Record<string, string> }
    expect(current.fonts.body).toBe('仿宋_GB2312')
    expect(current.format).toBe('letter')

    const bad = await dispatch(app, 'letters.templates.save', { ...current, templates: { ...current.templates, siteTitle: '关于{现场名}的函' } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(!bad.ok && bad.error.message).toContain('{现场名}')

    const saved = await dispatch(app, 'letters.templates.save', {
      format: 'file',
      fonts: { ...current.fonts, body: '仿宋' },
      templates: { ...current.templates, siteTitle: '{现场名称}推荐函' },
    })
    expect(saved.ok).toBe(true)
    const [id] = addSites(app, ['甲营业厅'])
    const out = await generate(app, { siteIds: [id] })
    const zip = await readZip(out.generated[0].path)
    expect(zip.get('word/document.xml')).toContain('甲营业厅推荐函')
    expect(zip.get('word/document.xml')).not.toMatch(/<w:titlePg\/>/)
    expect(zip.get('word/styles.xml')).toContain('w:eastAsia="仿宋"')
  })

  it('previews the filled wording without numbering or writing anything', async () => {
    const app = lettersApp()
    const [id] = addSites(app, ['甲营业厅'])
    const env = await dispatch(app, 'letters.preview', { siteId: id, template: { siteTitle: '关于推荐{现场名称}（{所在地市}）的函' } })
    expect(env).toMatchObject({ ok: true, value: { title: '关于推荐甲营业厅（广州市）的函', docNo: '粤通协〔2021〕1号' } })
    expect(env.ok && (env.value as { text: string }).text).toContain('申报四星级')
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM doc_counters').get()).toEqual({ n: 0 })
  })
})
