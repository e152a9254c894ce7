/**
 * (c) Files the importer must refuse, each with a message that says what is wrong, and the database exactly
 * as before; and a large roster (20,000 rows) that must import whole — or, when cancelled inside the
 * transaction, not at all.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import type { OpOutput } from '../../../src-main/api/contract'
import { ROSTER_LIMITS } from '../../../src-main/services/roster/limits'
import { commitRoster } from '../../../src-main/services/roster/commit'
import { previewRoster } from '../../../src-main/services/roster/preview'
import type { AppContext } from '../../../src-main/services/context'
import { dbSnapshot, siteCount } from '../../fixtures/roster/db'
import { encryptedXlsx, oldXls } from '../../fixtures/roster/ole'
import { HEADERS, rowCells, validSite, writeCells } from '../../fixtures/roster/sites'
import { tempDir } from '../../fixtures/roster/tempDir'
import { writeZipBomb } from '../../fixtures/roster/zipBomb'
import { freshApp, setUpGuangdong } from '../services/helpers'

/** An app with a few sites already imported, so "unchanged" is a real comparison. */
async function seededApp(dir: string): Promise<AppContext> {
  const app = freshApp()
  setUpGuangdong(app)
  const file = path.join(dir, 'seed.xlsx')
  await writeCells(file, [HEADERS, ...[0, 1, 2].map((i) => rowCells(validSite(i)))])
  const p = (await dispatch(app, 'roster.preview', { path: file })) as { value: OpOutput<'roster.preview'> }
  expect((await dispatch(app, 'roster.commit', { path: file, fileSha256: p.value.fileSha256 })).ok).toBe(true)
  expect(siteCount(app)).toBe(3)
  return app
}

async function expectRefused(app: AppContext, file: string, pattern: RegExp): Promise<void> {
  const before = dbSnapshot(app)
  const env = await dispatch(app, 'roster.preview', { path: file })
  expect(env.ok).toBe(false)
  if (!env.ok) {
    expect(env.error.code).toBe('invalid-input')
    expect(env.error.message).toMatch(pattern)
  }
  // A commit with any hash is refused as well, before touching anything.
  const commit = await dispatch(app, 'roster.commit', { path: file, fileSha256: '0'.repeat(64), validOnly: true })
  expect(commit.ok).toBe(false)
  expect(dbSnapshot(app)).toBe(before)
}

describe('files the importer refuses', () => {
  let dir: string
  let app: AppContext
  let realXlsx: string
  beforeAll(async () => {
    // beforeAll runs outside a test: use a folder that is not cleaned after the first test.
    dir = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'starsite-bad-'))
    app = await seededApp(dir)
    realXlsx = path.join(dir, 'seed.xlsx')
  })
  afterAll(() => {
    app.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('a text file renamed .xlsx', async () => {
    const file = path.join(dir, 'notes.xlsx')
    fs.writeFileSync(file, '这是一个文本文件，不是工作簿\n')
    await expectRefused(app, file, /不是 Excel 工作簿（\.xlsx）/)
  })

  it('an old .xls (OLE compound file)', async () => {
    const file = path.join(dir, 'old.xlsx')
    fs.writeFileSync(file, oldXls())
    await expectRefused(app, file, /旧版.*\.xls.*另存为/)
  })

  it('an encrypted workbook (OLE file with an EncryptionInfo stream)', async () => {
    const file = path.join(dir, 'secret.xlsx')
    fs.writeFileSync(file, encryptedXlsx())
    await expectRefused(app, file, /工作簿已加密，请取消密码后另存为 \.xlsx/)
  })

  it('a truncated workbook', async () => {
    const file = path.join(dir, 'cut.xlsx')
    const bytes = fs.readFileSync(realXlsx)
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)))
    await expectRefused(app, file, /已损坏或不完整/)
  })

  it('a workbook whose sheet is empty', async () => {
    const file = path.join(dir, 'empty.xlsx')
    await writeCells(file, [])
    await expectRefused(app, file, /工作表为空/)
  })

  it('a sheet without a recognisable header names the required columns', async () => {
    const file = path.join(dir, 'noheader.xlsx')
    await writeCells(file, [['月份', '收入', '支出'], ['一月', 1, 2]])
    await expectRefused(app, file, /找不到表头.*现场名称、现场类型、所属企业、推荐单位、统一社会信用代码、所在地市、详细地址、申报星级、现场负责人、联系电话、申报日期/)
  })

  it('a header missing required columns names them', async () => {
    const file = path.join(dir, 'partial.xlsx')
    await writeCells(file, [['现场名称', '现场类型', '所属企业', '备注'], ['甲', '营业厅', '中国移动', '']])
    await expectRefused(app, file, /缺少必填列：推荐单位、统一社会信用代码/)
  })

  it('a zip bomb is refused from the central directory, naming the limit', async () => {
    const file = path.join(dir, 'bomb.xlsx')
    await writeZipBomb(realXlsx, file, 300)
    expect(fs.statSync(file).size).toBeLessThan(5 * 1024 * 1024)
    const rssBefore = process.memoryUsage().rss
    await expectRefused(app, file, new RegExp(`${ROSTER_LIMITS.maxUncompressedMb} MB 的上限.*压缩炸弹`))
    // Nothing was inflated: far less than the 300 MB the entry unpacks to was allocated.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024)
  }, 120_000)

  it('a missing file', async () => {
    await expectRefused(app, path.join(dir, 'nope.xlsx'), /找不到文件/)
  })

  it('a link that points at itself, and a path through a file: why, in the words of importing, with the code', async () => {
    fs.symlinkSync('loop.xlsx', path.join(dir, 'loop.xlsx'))
    await expectRefused(app, path.join(dir, 'loop.xlsx'), /^“loop\.xlsx”是循环指向自身的快捷方式（链接），无法读取，请改选它指向的真实文件（ELOOP）$/)
    await expectRefused(app, path.join(realXlsx, '名册.xlsx'), /^找不到“名册\.xlsx”：文件可能在导入过程中被移动或删除.*请确认文件仍在后重新导入（ENOTDIR）$/)
  })
})

describe('a large roster', () => {
  it('imports 20,000 rows whole, and a cancel inside the transaction leaves nothing behind', async () => {
    const dir = tempDir('starsite-big-')
    const app = freshApp()
    setUpGuangdong(app)
    const file = path.join(dir, 'big.xlsx')
    const rows = Array.from({ length: 20_000 }, (_, i) => rowCells({ ...validSite(i), address: `广东省测试路 ${i + 1} 号` }))
    await writeCells(file, [HEADERS, ...rows])

    const preview = await app.jobs.run('preview-big', (job) => previewRoster(app, file, job))
    expect(preview.counts).toMatchObject({ total: 20_000, new: 20_000, error: 0 })

    // Cancel as soon as writing starts: the transaction notices at its next slice and rolls back.
    const before = dbSnapshot(app)
    const stop = app.jobs.subscribe((e) => {
      if (e.phase === '写入数据库') app.jobs.cancel(e.jobId)
    })
    await expect(
      app.jobs.run('commit-cancel', (job) => commitRoster(app, { path: file, fileSha256: preview.fileSha256, validOnly: false }, job)),
    ).rejects.toMatchObject({ code: 'cancelled' })
    stop()
    expect(dbSnapshot(app)).toBe(before)

    const result = await app.jobs.run('commit-big', (job) =>
      commitRoster(app, { path: file, fileSha256: preview.fileSha256, validOnly: false }, job),
    )
    expect(result).toMatchObject({ created: 20_000, updated: 0, skipped: 0 })
    expect(siteCount(app)).toBe(20_000)
    // Codes are unique and sequential per type (Y/K/Z).
    expect((app.db.prepare('SELECT COUNT(DISTINCT code) AS n FROM sites').get() as { n: number }).n).toBe(20_000)
    app.close()
  }, 300_000)
})
