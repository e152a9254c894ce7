/**
 * Hostile workbooks against import (preview and commit): each refused with a Chinese message that says what
 * is wrong, and the whole data folder byte for byte as before (files + row counts, see snapshot.ts).
 * test/unit/roster/badFiles.test.ts proves the database part for some of these; this adds the folder
 * snapshot, the ratio-bomb path, the row limit, formula-looking text and control characters.
 */
import fs from 'node:fs'
import path from 'node:path'
import yauzl from 'yauzl'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import type { OpOutput } from '../../../src-main/api/contract'
import { pendingDailyBackup } from '../../../src-main/services/backup/create'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { ROSTER_LIMITS } from '../../../src-main/services/roster/limits'
import { encryptedXlsx, oldXls } from '../../fixtures/roster/ole'
import { HEADERS, rowCells, validSite, writeCells } from '../../fixtures/roster/sites'
import { snapshotFolder } from '../../fixtures/corpus/snapshot'
import { writeRatioBomb, writeRawXlsx } from '../../fixtures/corpus/workbooks'
import { setUpGuangdong } from '../services/helpers'
import { tempDir } from '../../helpers/tmp'

const work = tempDir('starsite-corpus-wb-')
let app: AppContext
let seed: string

beforeAll(async () => {
  app = openApp({ dataDir: path.join(work.dir, 'data'), actor: '测试员' })
  setUpGuangdong(app)
  seed = path.join(work.dir, 'seed.xlsx')
  await writeCells(seed, [HEADERS, ...[0, 1, 2].map((i) => rowCells(validSite(i)))])
  const p = (await dispatch(app, 'roster.preview', { path: seed })) as { ok: true; value: OpOutput<'roster.preview'> }
  expect((await dispatch(app, 'roster.commit', { path: seed, fileSha256: p.value.fileSha256 })).ok).toBe(true)
  // The start-up backup runs in the background; it must be finished before any snapshot is taken.
  await pendingDailyBackup(app.db)
}, 120_000)

afterAll(() => {
  app.close()
  work.cleanup()
})

async function expectRefused(file: string, message: RegExp): Promise<void> {
  const before = snapshotFolder(app.dataDir, app.db)
  const preview = await dispatch(app, 'roster.preview', { path: file })
  expect(preview.ok, file).toBe(false)
  if (!preview.ok) {
    expect(preview.error.code).toBe('invalid-input')
    expect(preview.error.message).toMatch(message)
  }
  const commit = await dispatch(app, 'roster.commit', { path: file, fileSha256: '0'.repeat(64), validOnly: true })
  expect(commit.ok).toBe(false)
  if (!commit.ok) expect(commit.error.code).not.toBe('internal')
  expect(snapshotFolder(app.dataDir, app.db)).toEqual(before)
}

const stringRow = (values: unknown[]) => values.map((v) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)))

describe('workbook corpus', () => {
  it('not a zip (random bytes named .xlsx)', async () => {
    const file = path.join(work.dir, 'random.xlsx')
    // Deterministic "random" bytes: a linear congruential sequence.
    const bytes = Buffer.alloc(4096)
    for (let i = 0, x = 7; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16
    fs.writeFileSync(file, bytes)
    await expectRefused(file, /不是 Excel 工作簿（\.xlsx）/)
  })

  it('truncated (the first 70 % of a real workbook)', async () => {
    const file = path.join(work.dir, 'cut.xlsx')
    const b = fs.readFileSync(seed)
    fs.writeFileSync(file, b.subarray(0, Math.floor(b.length * 0.7)))
    await expectRefused(file, /已损坏或不完整/)
  })

  it('encrypted, and an old .xls', async () => {
    const enc = path.join(work.dir, 'enc.xlsx')
    fs.writeFileSync(enc, encryptedXlsx())
    await expectRefused(enc, /工作簿已加密/)
    const xls = path.join(work.dir, 'old.xls')
    fs.writeFileSync(xls, oldXls())
    await expectRefused(xls, /旧版 Excel 97-2003 工作簿（\.xls）/)
  })

  it('a zip bomb by ratio: one sheet of 40 MiB of spaces, refused from the central directory', async () => {
    const file = path.join(work.dir, 'ratio.xlsx')
    await writeRatioBomb(file, 40)
    expect(fs.statSync(file).size).toBeLessThan(1024 * 1024)
    await expectRefused(file, new RegExp(`压缩比超过 ${ROSTER_LIMITS.maxRatio}:1 的上限.*压缩炸弹`))
  })

  it(`${ROSTER_LIMITS.maxRows + 1} data rows: refused, naming the row limit`, async () => {
    const file = path.join(work.dir, 'rows.xlsx')
    // One cell per data row keeps the file (and exceljs's work before the count is known) small.
    await writeRawXlsx(file, ROSTER_LIMITS.maxRows + 2, (r) => (r === 0 ? HEADERS : ['', '', `现场${r}`]))
    await expectRefused(file, new RegExp(`${ROSTER_LIMITS.maxRows + 1} 行数据，超过一次导入 ${ROSTER_LIMITS.maxRows} 行的上限`))
  }, 180_000)

  it('raw control characters inside the sheet XML: refused as a damaged file, never a crash', async () => {
    const file = path.join(work.dir, 'c0.xlsx')
    const row = stringRow(rowCells({ ...validSite(20), name: '广州\u0001天河\u001b[31m营业厅' }))
    await writeRawXlsx(file, 2, (r) => (r === 0 ? HEADERS : row))
    await expectRefused(file, /无法作为 Excel 工作簿读取/)
  })

  it('controls XML allows (DEL, the C1 CSI), bidi overrides and zero-width spaces are stripped on import', async () => {
    const file = path.join(work.dir, 'c1.xlsx')
    const name = '广州\u007f天河\u009b营业厅\u202e\u200b'
    const row = stringRow(rowCells({ ...validSite(21), name, address: '广州市\t天河区\r\n体育西路 1 号' }))
    await writeRawXlsx(file, 2, (r) => (r === 0 ? HEADERS : row))
    const p = await dispatch(app, 'roster.preview', { path: file })
    expect(p.ok).toBe(true)
    if (!p.ok) return
    const c = await dispatch(app, 'roster.commit', { path: file, fileSha256: (p.value as OpOutput<'roster.preview'>).fileSha256 })
    expect(c.ok, JSON.stringify(c)).toBe(true)
    const stored = app.db.prepare("SELECT name, address FROM sites WHERE address LIKE '%体育西路%'").get() as { name: string; address: string }
    expect(stored).toEqual({ name: '广州天河营业厅', address: '广州市 天河区 体育西路 1 号' })
  })

  it("formula-looking text (=cmd|' /C calc'!A0) is imported as text and exported as a text cell, never a formula", async () => {
    const evil = "=cmd|' /C calc'!A0"
    const file = path.join(work.dir, 'formula.xlsx')
    await writeCells(file, [HEADERS, rowCells({ ...validSite(30), name: evil, remarks: "@SUM(1+1)*cmd|' /C calc'!A0" })])
    const p = await dispatch(app, 'roster.preview', { path: file })
    expect(p.ok).toBe(true)
    if (!p.ok) return
    expect((await dispatch(app, 'roster.commit', { path: file, fileSha256: (p.value as OpOutput<'roster.preview'>).fileSha256 })).ok).toBe(true)
    const stored = app.db.prepare('SELECT name, remarks FROM sites WHERE name = ?').get(evil) as { name: string; remarks: string }
    expect(stored).toEqual({ name: evil, remarks: "@SUM(1+1)*cmd|' /C calc'!A0" })

    const out = path.join(work.dir, 'export.xlsx')
    const exported = await dispatch(app, 'roster.export', { outPath: out })
    expect(exported.ok, JSON.stringify(exported)).toBe(true)
    const parts = await zipTexts(out)
    const sheets = [...parts.entries()].filter(([n]) => n.startsWith('xl/worksheets/'))
    expect(sheets.length).toBeGreaterThan(0)
    for (const [n, xml] of sheets) expect(xml, n).not.toMatch(/<f[ >]/)
    // The text is there as a string (shared string or inline), XML-escaped.
    const all = [...parts.values()].join('\n')
    expect(all.includes('<t>=cmd|&apos; /C calc&apos;!A0</t>'), 'the text as a string item').toBe(true)
  })
})

async function zipTexts(file: string): Promise<Map<string, string>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true })
  const out = new Map<string, string>()
  for await (const entry of zip.eachEntry()) {
    const stream = await zip.openReadStreamPromise(entry)
    const chunks: Buffer[] = []
    for await (const c of stream) chunks.push(c as Buffer)
    out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'))
  }
  return out
}
