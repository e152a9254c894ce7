/**
 * Text as typed (DESIGN §7b) through every output: a roster with Chinese punctuation is imported by the CLI,
 * listed by the CLI, printed in the letters (read back through LibreOffice's PDF) and packed in the bundle's
 * 01_推荐汇总表.xlsx. A site typed with ASCII brackets and commas is stored that way but prints full-width.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import type { OpOutput } from '../../../src-main/api/contract'
import { ROSTER_PATH } from '../../../src-main/core/bundle/layout'
import { readSiteDraft, type SiteDraft, type SiteValues } from '../../../src-main/core/sites/draft'
import { cleanText } from '../../../src-main/core/text'
import { queryAudit } from '../../../src-main/db/repositories/audit'
import { requireSetup } from '../../../src-main/services/settings/association'
import { ROSTER_COLUMNS, type RosterField } from '../../../src-main/core/roster/columns'
import { addAttachments } from '../../../src-main/services/attachments/attachments'
import { buildBundle } from '../../../src-main/services/bundle/build'
import { recheckSites } from '../../../src-main/services/checks/engine'
import { generateCoverLetter, generateLetters } from '../../../src-main/services/letters/generate'
import { exportRoster } from '../../../src-main/services/roster/export'
import { HEADERS, validSite, writeCells, type RosterRowValues } from '../../fixtures/roster/sites'
import { bundleApp, jpgBytes, pdfBytes, readZip, tempDir } from '../bundle/helpers'
import { runCli } from '../cli/run'
import { pdfPages, toPdf } from '../letters/helpers'

/** Valid USCC (GB 32100 check character right), so the sites carry no error finding. */
const USCC = '91440000719283738L'

const TYPED = {
  name: '广州天河营业厅（新址）',
  highlights: '在抗疫斗争中表现突出，获得表彰！\n服务规范：首问负责；一次办结。',
  remarks: '备注：新址于2021年3月启用（原址停用）',
  recommender: '中国移动通信集团广东有限公司（广州分公司）',
  address: '广州市天河区天河路１号（地铁站Ａ出口）',
  manager: '李四（店长）',
}
const ASCII = {
  name: '广州(新址)营业厅',
  highlights: '表现突出,获得表彰!联系:10:30后',
}
const ASCII_PRINTED = { name: '广州（新址）营业厅', highlights: '表现突出，获得表彰！联系：10:30后' }

function rows(): RosterRowValues[] {
  return [
    { ...validSite(0), ...TYPED, uscc: USCC, type: '营业厅', city: '广州市' },
    { ...validSite(3), ...ASCII, uscc: USCC, type: '营业厅', city: '广州市', remarks: '' },
  ]
}

async function writeRoster(file: string, values: RosterRowValues[]): Promise<void> {
  await writeCells(file, [HEADERS, ...values.map((v) => ROSTER_COLUMNS.map((c) => v[c.field as RosterField] ?? null))])
}

async function sheetRows(xlsx: Buffer | string): Promise<Map<string, Record<string, string>>> {
  const wb = new ExcelJS.Workbook()
  if (typeof xlsx === 'string') await wb.xlsx.readFile(xlsx)
  else await wb.xlsx.load(xlsx as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? '').replace(/\*$/, '').trim())
  const out = new Map<string, Record<string, string>>()
  ws.eachRow((row, n) => {
    if (n === 1) return
    const rec: Record<string, string> = {}
    ;(row.values as unknown[]).forEach((v, j) => (rec[header[j]] = v == null ? '' : String(v)))
    out.set(rec['现场名称'], rec)
  })
  return out
}

describe('text as typed, through import, list, letters and the bundle', () => {
  it('keeps （新址），：！ in every output; ASCII brackets are stored as typed and printed full-width', async () => {
    const app = bundleApp()
    const dir = tempDir('starsite-typed-')
    const roster = path.join(dir, '推荐汇总表.xlsx')
    await writeRoster(roster, rows())

    const imported = runCli(['--data', app.dataDir, 'import', roster, '--json'])
    expect(imported.stderr + imported.stdout).not.toMatch(/"errors":\[\{/)
    expect(JSON.parse(imported.stdout)).toMatchObject({ created: 2, updated: 0, errors: [] })

    // list --json: exactly what was typed, full-width and ASCII alike.
    const listed = runCli(['--data', app.dataDir, 'list', '--json'])
    expect(listed.status).toBe(0)
    const sites = (JSON.parse(listed.stdout) as { sites: Record<string, unknown>[] }).sites
    const typed = sites.find((s) => s.name === TYPED.name)!
    expect(typed).toMatchObject(TYPED)
    const ascii = sites.find((s) => s.name === ASCII.name)!
    expect(ascii).toMatchObject(ASCII)

    // Attachments so that no error finding holds the letters or the bundle back.
    const src = tempDir('starsite-src-')
    const file = (name: string, data: Buffer) => {
      const p = path.join(src, name)
      fs.writeFileSync(p, data)
      return { path: p }
    }
    const ids = [typed.id as number, ascii.id as number]
    for (const id of ids) {
      await addAttachments(app, id, 'superior-letter', [file(`推荐函${id}.pdf`, pdfBytes(`letter-${id}`))])
      await addAttachments(app, id, 'photo', [file(`门头${id}.jpg`, jpgBytes(id)), file(`大厅${id}.jpg`, jpgBytes(id + 10))])
      await addAttachments(app, id, 'lecturer-letter', [file(`宣讲师${id}.pdf`, pdfBytes(`lecturer-${id}`))])
    }
    recheckSites(app, ids)

    // Letters: each site's, and the cover letter whose annex lists both names; read back from the PDF.
    const outDir = tempDir('starsite-typed-letters-')
    const generated = await generateLetters(app, { siteIds: ids, outDir })
    expect(generated.skipped).toEqual([])
    const cover = await generateCoverLetter(app, { siteIds: ids })
    const byId = new Map(generated.generated.map((g) => [g.siteId, g.path]))
    const pdfs = await toPdf([byId.get(ids[0])!, byId.get(ids[1])!, cover.path], tempDir('starsite-typed-pdf-'))
    const [typedText, asciiText, coverText] = await Promise.all(
      pdfs.map(async (p) => (await pdfPages(p)).join('').replace(/\s+/g, '')),
    )
    expect(typedText).toContain('广州天河营业厅（新址）')
    for (const mark of ['（新址）', '，', '：', '！']) expect(typedText).toContain(mark)
    expect(typedText).toContain('在抗疫斗争中表现突出，获得表彰！')
    expect(asciiText).toContain(ASCII_PRINTED.name)
    expect(asciiText).not.toContain(ASCII.name)
    expect(coverText).toContain(TYPED.name)
    expect(coverText).toContain(ASCII_PRINTED.name)

    // The bundle's roster: typed text exactly; the ASCII site printed full-width.
    const out = path.join(tempDir('starsite-typed-out-'), 'bundle.zip')
    await buildBundle(app, undefined, { outPath: out })
    const entry = (await readZip(out)).find((e) => e.name.endsWith(ROSTER_PATH))!
    const packed = await sheetRows(entry.data)
    const t = packed.get(TYPED.name)!
    expect(t['突出表现']).toBe(TYPED.highlights)
    expect(t['备注']).toBe(TYPED.remarks)
    expect(t['推荐单位']).toBe(TYPED.recommender)
    expect(t['详细地址']).toBe(TYPED.address)
    expect(t['现场负责人']).toBe(TYPED.manager)
    const a = packed.get(ASCII_PRINTED.name)!
    expect(a['突出表现']).toBe(ASCII_PRINTED.highlights)

    // The stored value is still what was typed; only the printed forms changed.
    expect(app.sites.get(ascii.id as number)!.name).toBe(ASCII.name)
    const exported = await sheetRows((await exportRoster(app, path.join(dir, 'export.xlsx'))).path)
    expect([...exported.keys()].sort()).toEqual([TYPED.name, ASCII_PRINTED.name].sort())
    // Two CLI runs, three documents through LibreOffice and a bundle: about 50 s alone on two cores.
  }, 240_000)
})

describe('re-importing over text the old cleaner stored half-width', () => {
  it('updates the prose fields to what was typed: no new site, audit names only the changed fields', async () => {
    const app = bundleApp()
    const { campaign } = requireSetup(app)
    const typed: RosterRowValues[] = [
      { ...validSite(0), ...TYPED, uscc: USCC },
      { ...validSite(1), ...ASCII, uscc: USCC },
      { ...validSite(2), highlights: '服务规范，群众满意！', uscc: USCC },
    ]
    // What the old cleaner made of those rows: every text field half-width (cleanText), as it used to be stored.
    const PROSE = ['name', 'recommender', 'city', 'district', 'address', 'manager', 'highlights', 'remarks'] as const
    const stored = typed.map((row, i) => {
      const { seq: _seq, code: _code, ...draft } = row
      const values = readSiteDraft(draft as SiteDraft).values!
      const old: SiteValues = { ...values }
      for (const f of PROSE) old[f] = f === 'highlights' || f === 'remarks' ? values[f].split('\n').map(cleanText).join('\n') : cleanText(values[f])
      return app.sites.insert(old, { code: `GD-2021-Y00${i + 1}`, campaignId: campaign.id, status: 'pending', now: app.now() })
    })
    expect(app.sites.get(stored[0])!.name).toBe('广州天河营业厅(新址)')

    const file = path.join(tempDir('starsite-reimport-'), '推荐汇总表.xlsx')
    await writeRoster(file, typed)
    const preview = await dispatch(app, 'roster.preview', { path: file })
    if (!preview.ok) throw new Error(preview.error.message)
    const { fileSha256, counts } = preview.value as OpOutput<'roster.preview'>
    expect(counts).toMatchObject({ total: 3, new: 0, update: 3, error: 0 })
    const committed = await dispatch(app, 'roster.commit', { path: file, fileSha256 })
    if (!committed.ok) throw new Error(committed.error.message)
    expect(committed.value).toMatchObject({ created: 0, updated: 2, unchanged: 1, skipped: 0 })

    expect(app.sites.list(campaign.id)).toHaveLength(3)
    expect(app.sites.get(stored[0])).toMatchObject(TYPED)
    expect(app.sites.get(stored[1])).toMatchObject(ASCII)
    expect(app.sites.get(stored[2])!.highlights).toBe('服务规范，群众满意！')

    const updates = queryAudit(app.db, { action: 'update', entity: 'site', limit: 10 })
    const fieldsOf = (id: number) =>
      (updates.find((e) => e.entityId === String(id))?.details as { field: string }[] | undefined)?.map((c) => c.field).sort()
    expect(fieldsOf(stored[0])).toEqual(['address', 'highlights', 'manager', 'name', 'recommender', 'remarks'])
    expect(fieldsOf(stored[1])).toBeUndefined()
    expect(fieldsOf(stored[2])).toEqual(['highlights'])
    expect(updates).toHaveLength(2)
  })
})
