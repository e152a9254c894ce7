/**
 * The office imports its ratings from a workbook: preview (what each row records, what it replaces), apply
 * (one transaction, one audit entry), the office's own export round-tripping, and every kind of bad input
 * refused by row and column with nothing changed. Real SQLite files, real xlsx written by exceljs.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { AppError } from '../../../src-main/core/errors'
import { openSession } from '../../../src-main/services/session'
import { sha256Of } from '../../../src-main/services/roster/workbookFile'
import { exportProvinceResults, setOfficeResult } from '../../../src-main/services/office/results'
import { importResultsFile, previewResultsImport } from '../../../src-main/services/office/resultsImport'
import { listOfficeAudit, listOfficeResults } from '../../../src-main/services/office/views'
import type { OfficeContext } from '../../../src-main/services/office/context'
import { tempDir } from './helpers'
import { buildRegister, freshOffice, snapshot, writeSheet, type RegisterFixture } from './resultsFixture'

let fx: RegisterFixture
beforeAll(async () => {
  fx = await buildRegister()
}, 120_000)
afterAll(() => fx?.cleanup())

const file = (name: string) => path.join(tempDir('starsite-resimp-'), name)
const B1 = '2021年第一批'

/** The import must fail with invalid-input, change nothing, and its message must contain every `parts`. */
async function refused(office: OfficeContext, filePath: string, parts: string[]): Promise<AppError> {
  const before = snapshot(office)
  let error: unknown = null
  try {
    await importResultsFile(office, { path: filePath })
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(AppError)
  const e = error as AppError
  expect(e.code).toBe('invalid-input')
  for (const p of parts) expect(e.message).toContain(p)
  expect(snapshot(office)).toEqual(before)
  return e
}

describe('office results import', () => {
  it('previews, then records every row in one transaction with one audit entry; a second file shows old → new and changes only what differs', async () => {
    const office = freshOffice(fx)
    const [gd0, gd1] = fx.codes.gd
    const [zj0, zj1] = fx.codes.zj
    const first = await writeSheet(file('第一批.xlsx'), [
      ['广东', gd0, '', '一星级', 'gd-c-1', 'pb-1', B1],
      ['', gd1, '', 3, 'GD-C-2', '', B1],
      ['浙江省', zj0, '', '３', '', '', B1],
      ['浙江', zj1, '', '七星', '', '', '  2021年第一批 '],
    ])
    const before = snapshot(office)
    const preview = await previewResultsImport(office, { path: first })
    expect(snapshot(office)).toEqual(before)
    expect(preview).toMatchObject({ fileName: '第一批.xlsx', total: 4, recorded: 4, changed: 0, unchanged: 0, errors: [], dryRun: true })
    expect(preview.fileSha256).toBe(sha256Of(fs.readFileSync(first)))
    expect(preview.rows!.map((r) => [r.row, r.province, r.code, r.name, r.star, r.certificateNo, r.plaqueNo, r.batch, r.status, r.previous])).toEqual([
      [2, '广东省', gd0, fx.names[gd0], 1, 'GD-C-1', 'PB-1', B1, 'new', null],
      [3, '广东省', gd1, fx.names[gd1], 3, 'GD-C-2', '', B1, 'new', null],
      [4, '浙江省', zj0, fx.names[zj0], 3, '', '', B1, 'new', null],
      [5, '浙江省', zj1, fx.names[zj1], 7, '', '', B1, 'new', null],
    ])

    const applied = await importResultsFile(office, { path: first })
    expect(applied).toMatchObject({ total: 4, recorded: 4, changed: 0, unchanged: 0, dryRun: false })
    const results = listOfficeResults(office)
    expect(results.map((r) => [r.province, r.code, r.star, r.certificateNo, r.plaqueNo, r.batch])).toEqual([
      ['广东省', gd0, 1, 'GD-C-1', 'PB-1', B1],
      ['广东省', gd1, 3, 'GD-C-2', '', B1],
      ['浙江省', zj0, 3, '', '', B1],
      ['浙江省', zj1, 7, '', '', B1],
    ])
    const audit = listOfficeAudit(office, { limit: 1000 }).filter((a) => a.action === 'import-results')
    expect(audit).toHaveLength(1)
    expect(audit[0].summary).toContain('第一批.xlsx')
    expect(audit[0].summary).toContain(preview.fileSha256)
    expect(audit[0].summary).toContain('新记录 4 条，修改 0 条')

    // The second file: one star raised, one certificate corrected, one identical, and a rating in a new batch.
    const recordedAt = new Map(results.map((r) => [r.code, r.recordedAt]))
    const second = await writeSheet(file('更正.xlsx'), [
      ['广东', gd0, '', '二星级', 'GD-C-1', 'PB-1', B1],
      ['广东', gd1, '', 3, 'GD-C-2X', '', B1],
      ['浙江', zj0, '', 3, '', '', B1],
      ['浙江', zj0, '', 4, '', '', '2021年第二批'],
    ])
    const p2 = await previewResultsImport(office, { path: second })
    expect(p2).toMatchObject({ total: 4, recorded: 1, changed: 2, unchanged: 1, errors: [] })
    expect(p2.rows!.map((r) => [r.code, r.status, r.previous])).toEqual([
      [gd0, 'changed', { star: 1, certificateNo: 'GD-C-1', plaqueNo: 'PB-1' }],
      [gd1, 'changed', { star: 3, certificateNo: 'GD-C-2', plaqueNo: '' }],
      [zj0, 'unchanged', { star: 3, certificateNo: '', plaqueNo: '' }],
      [zj0, 'new', null],
    ])
    expect(await importResultsFile(office, { path: second })).toMatchObject({ recorded: 1, changed: 2, unchanged: 1 })
    const after = listOfficeResults(office)
    expect(after.map((r) => [r.code, r.batch, r.star, r.certificateNo])).toEqual([
      [gd0, B1, 2, 'GD-C-1'],
      [gd1, B1, 3, 'GD-C-2X'],
      [zj0, B1, 3, ''],
      [zj1, B1, 7, ''],
      [zj0, '2021年第二批', 4, ''],
    ])
    // The identical rating was not rewritten: who recorded it and when stay as they were.
    expect(after.find((r) => r.code === zj0 && r.batch === B1)!.recordedAt).toBe(recordedAt.get(zj0))
    expect(after.find((r) => r.code === gd0)!.recordedAt).not.toBe(recordedAt.get(gd0))
    const audit2 = listOfficeAudit(office, { limit: 1000 }).filter((a) => a.action === 'import-results')
    expect(audit2).toHaveLength(2)
    expect(audit2.map((a) => a.summary).join('\n')).toContain('新记录 1 条，修改 2 条，未变 1 条')
  })

  it('round trip: record → export the province file → raise a star in Excel → import → the register shows the edit, plaques kept', async () => {
    const office = freshOffice(fx)
    const [gd0, gd1] = fx.codes.gd
    setOfficeResult(office, { site: `广东:${gd0}`, star: 3, batch: B1, certificateNo: 'GD2021-0001', plaqueNo: 'PB-0001' })
    setOfficeResult(office, { site: gd1, star: 4, batch: B1, certificateNo: 'GD2021-0002', plaqueNo: 'PB-0002' })
    const out = file('广东_评定结果.xlsx')
    await exportProvinceResults(office, { province: '广东', out })

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.worksheets[0]
    const header = (ws.getRow(1).values as unknown[]).slice(1)
    const starCol = header.indexOf('星级') + 1
    const codeCol = header.indexOf('现场编号') + 1
    const row = [2, 3].find((r) => ws.getRow(r).getCell(codeCol).text === gd1)!
    expect(ws.getRow(row).getCell(starCol).text).toBe('四星级')
    ws.getRow(row).getCell(starCol).value = '五星级'
    await wb.xlsx.writeFile(out)

    const preview = await previewResultsImport(office, { path: out })
    expect(preview).toMatchObject({ total: 2, recorded: 0, changed: 1, unchanged: 1, errors: [] })
    expect(preview.rows!.find((r) => r.code === gd1)).toMatchObject({ star: 5, previous: { star: 4 }, plaqueNo: 'PB-0002', status: 'changed' })
    await importResultsFile(office, { path: out })
    expect(listOfficeResults(office).map((r) => [r.code, r.star, r.certificateNo, r.plaqueNo])).toEqual([
      [gd0, 3, 'GD2021-0001', 'PB-0001'],
      [gd1, 5, 'GD2021-0002', 'PB-0002'],
    ])
  })

  it('reads a title row, a merged header cell and full-width codes and stars; codes are stored as the register spells them', async () => {
    const office = freshOffice(fx)
    const [gd0] = fx.codes.gd
    const [zj0] = fx.codes.zj
    const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    const f = await writeSheet(
      file('合并表头.xlsx'),
      [
        ['省份', '现场编号', '现场名称', null, '评定星级', '证书号', '标牌编号', '评定批次'],
        ['广东', fullWidth(gd0), '名称', '（合并）', '４', fullWidth('gd-9'), '', B1],
        ['浙江', ` ${zj0.toLowerCase()} `, '', '', '５星', '', '', B1],
      ],
      ['2021年星级服务现场评定结果'],
      (ws) => {
        ws.mergeCells('A1:H1')
        ws.mergeCells('C2:D2')
      },
    )
    // A title row 1 merged across, the header in row 2 with 现场名称 merged over C:D.
    const p = await previewResultsImport(office, { path: f })
    expect(p.errors).toEqual([])
    expect(p.rows!.map((r) => [r.row, r.code, r.star, r.certificateNo])).toEqual([
      [3, gd0, 4, 'GD-9'],
      [4, zj0, 5, ''],
    ])
  })

  it('a code found in two provinces needs the 省份 column; with it, each row finds its own', async () => {
    const office = freshOffice(fx)
    const [gd0] = fx.codes.gd
    const [zj0] = fx.codes.zj
    // Give 浙江's first site 广东's code, as two provinces numbering alike would.
    office.db.prepare('UPDATE register_sites SET code = ? WHERE province = ? AND code = ?').run(gd0, '浙江省', zj0)
    const noProvince = await writeSheet(file('无省份.xlsx'), [[gd0, '', '三星', '', '', B1]], ['现场编号', '现场名称', '星级', '证书编号', '标牌编号', '批次'])
    const e = await refused(office, noProvince, ['第 2 行 A 列（现场编号）', '广东省、浙江省都有', '省份'])
    expect((e.details as { problems: unknown[] }).problems).toHaveLength(1)
    const withProvince = await writeSheet(file('有省份.xlsx'), [
      ['广东', gd0, '', 3, '', '', B1],
      ['浙江', gd0, '', 4, '', '', B1],
    ])
    expect(await importResultsFile(office, { path: withProvince })).toMatchObject({ recorded: 2 })
    expect(listOfficeResults(office).map((r) => [r.province, r.code, r.star])).toEqual([
      ['广东省', gd0, 3],
      ['浙江省', gd0, 4],
    ])
  })

  it('refuses bad rows by row and column, the whole file, nothing changed; the preview lists the same problems', async () => {
    const office = freshOffice(fx)
    const [gd0, gd1] = fx.codes.gd
    const [zj0, zj1] = fx.codes.zj
    setOfficeResult(office, { site: gd0, star: 2, batch: B1 })
    const f = await writeSheet(file('有错.xlsx'), [
      ['广东', gd1, '', 3, '', '', B1], // 2: fine
      ['广东', 'GD-2021-X999', '', 3, '', '', B1], // 3: not in the register
      ['浙江', zj0, '', 0, '', '', B1], // 4: star 0
      ['浙江', zj1, '', 8, '', '', B1], // 5: star 8
      ['浙江', zj1, '', '五星半', '', '', '2021年第二批'], // 6: half a star
      ['广东', gd0, '', '三星', '', '', ''], // 7: no batch
      ['浙江', zj0, '', 5, '', '', '2021年第三批'], // 8
      ['浙江', zj0, '', 6, '', '', '2021年第三批'], // 9: the same site again, another rating
      ['湖东', gd1, '', 3, '', '', B1], // 10: no such province
      ['广东', '', '', 3, '', '', B1], // 11: no code
      ['浙江', zj1, '', '未通过', '', '', '2021年第四批'], // 12: not a star
    ])
    const p = await previewResultsImport(office, { path: f })
    const where = p.errors.map((e) => `${e.row}${e.column}`)
    expect(where).toEqual(['3B', '4D', '5D', '6D', '7G', '9B', '10A', '11B', '12D'])
    expect(p.rows!.map((r) => r.row)).toEqual([2]) // row 8 is contradicted by row 9: neither is kept
    const e = await refused(office, f, ['“有错.xlsx”共 11 行，其中 9 行有错误，本次未导入任何评定结果', '第 3 行 B 列（现场编号）：全国名册中没有广东省的现场“GD-2021-X999”', '第 4 行 D 列（星级）'])
    const details = (e.details as { problems: { message: string }[] }).problems.map((d) => d.message)
    expect(details).toHaveLength(9)
    expect(details).toContain('第 5 行 D 列（星级）：无法识别的星级“8”，应为一星级到七星级，可写成 三星级、三星、3 或 ★★★')
    expect(details).toContain('第 6 行 D 列（星级）：无法识别的星级“五星半”，应为一星级到七星级，可写成 三星级、三星、3 或 ★★★')
    expect(details).toContain('第 7 行 G 列（批次）：批次不能为空，如 2021年第一批')
    expect(details.find((d) => d.startsWith('第 9 行 B 列（现场编号）'))).toContain('与第 8 行是同一个现场')
    expect(details.find((d) => d.startsWith('第 10 行 A 列（省份）'))).toContain('无法识别的省份“湖东”')
    expect(details.find((d) => d.startsWith('第 12 行 D 列（星级）'))).toContain('不是星级')
  })

  it('a 现场名称 other than the register\'s is a warning by row with both names; 全角/半角 and spaces are not; the import goes ahead', async () => {
    const office = freshOffice(fx)
    const [gd0, gd1] = fx.codes.gd
    const [zj0, zj1] = fx.codes.zj
    office.db.prepare('UPDATE register_sites SET name = ? WHERE province = ? AND code = ?').run('天河ＡＢ营业厅（天河路）', '广东省', gd0)
    const f = await writeSheet(file('名称.xlsx'), [
      ['广东', gd0, ' 天河 ab营业厅 (天河路) ', 3, '', '', B1], // the same name, written half-width with spaces
      ['广东', gd1, fx.names[gd1], 3, '', '', B1],
      ['浙江', zj0, '杭州西湖营业厅（错行）', 4, '', '', B1], // another site's row pasted here
      ['浙江', zj1, '', 5, '', '', B1], // no name: nothing to compare
    ])
    const p = await previewResultsImport(office, { path: f })
    expect(p).toMatchObject({ total: 4, recorded: 4, errors: [] })
    expect(p.warnings).toEqual([
      {
        row: 4,
        column: 'C',
        field: 'name',
        label: '现场名称',
        kind: 'warning',
        province: '浙江省',
        code: zj0,
        workbookName: '杭州西湖营业厅（错行）',
        registerName: fx.names[zj0],
        message: `现场名称“杭州西湖营业厅（错行）”与全国名册中浙江省 ${zj0} 的名称“${fx.names[zj0]}”不同，请核对是否填错了行（仍按现场编号记录）`,
      },
    ])
    const done = await importResultsFile(office, { path: f })
    expect(done).toMatchObject({ recorded: 4, errors: [], dryRun: false })
    expect(done.warnings).toEqual(p.warnings)
    // Recorded under the register's name, whatever the row said.
    expect(listOfficeResults(office).map((r) => [r.code, r.name, r.star])).toEqual([
      [gd0, '天河ＡＢ营业厅（天河路）', 3],
      [gd1, fx.names[gd1], 3],
      [zj0, fx.names[zj0], 4],
      [zj1, fx.names[zj1], 5],
    ])
    const audit = listOfficeAudit(office, { limit: 1000 }).filter((a) => a.action === 'import-results')
    expect(audit[0].summary).toContain('1 行的现场名称与全国名册不同，已按现场编号记录')
    expect((audit[0].details as { nameMismatches: unknown[] }).nameMismatches).toEqual([
      { row: 4, site: `浙江省:${zj0}`, workbookName: '杭州西湖营业厅（错行）', registerName: fx.names[zj0] },
    ])
  })

  it('the same rating twice in one file is one rating', async () => {
    const office = freshOffice(fx)
    const [gd0] = fx.codes.gd
    const f = await writeSheet(file('重复.xlsx'), [
      ['广东', gd0, '', 3, 'C1', '', B1],
      ['广东', gd0, '', '三星级', 'c1', '', B1],
    ])
    expect(await importResultsFile(office, { path: f })).toMatchObject({ total: 2, recorded: 1 })
    expect(listOfficeResults(office)).toHaveLength(1)
  })

  it('refuses files that are not a ratings workbook, naming the file', async () => {
    const office = freshOffice(fx)
    const pdf = file('结果.xlsx')
    fs.writeFileSync(pdf, Buffer.from('%PDF-1.4\n% not a workbook\n' + 'x'.repeat(2000) + '\n%%EOF\n'))
    await refused(office, pdf, ['结果.xlsx'])
    const text = file('说明.xlsx')
    fs.writeFileSync(text, '省份,现场编号,星级\n广东,GD-1,3\n')
    await refused(office, text, ['说明.xlsx'])
    const empty = file('空表.xlsx')
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Sheet1')
    await wb.xlsx.writeFile(empty)
    await refused(office, empty, ['“空表.xlsx”的工作表为空'])
    const noHeader = await writeSheet(file('无表头.xlsx'), [['a', 'b', 'c']], ['甲', '乙', '丙'])
    await refused(office, noHeader, ['“无表头.xlsx”中找不到表头', '现场编号', '星级', '批次'])
    const noBatch = await writeSheet(file('无批次.xlsx'), [['广东', fx.codes.gd[0], '', 3]], ['省份', '现场编号', '现场名称', '星级'])
    await refused(office, noBatch, ['“无批次.xlsx”', '表头缺少必填列：批次'])
    const headerOnly = await writeSheet(file('只有表头.xlsx'), [])
    await refused(office, headerOnly, ['“只有表头.xlsx”的表头下没有数据行'])
    await refused(office, file('不存在.xlsx'), ['找不到文件'])
  })

  it('imports 20,000 rows in one go', async () => {
    const office = freshOffice(fx)
    const codes = [...fx.codes.gd, ...fx.codes.zj]
    const rows: unknown[][] = []
    for (let b = 0; b < 5000; b++) for (const code of codes) rows.push(['', code, '', (b % 7) + 1, `C-${b}`, '', `第${b + 1}批`])
    expect(rows).toHaveLength(20_000)
    const f = await writeSheet(file('两万行.xlsx'), rows)
    const r = await importResultsFile(office, { path: f })
    expect(r).toMatchObject({ total: 20_000, recorded: 20_000, changed: 0 })
    const results = listOfficeResults(office)
    expect(results).toHaveLength(20_000)
    expect(results.find((x) => x.code === codes[3] && x.batch === '第4999批')).toMatchObject({ star: (4998 % 7) + 1, certificateNo: 'C-4998' })
    expect(listOfficeAudit(office, { limit: 1000 }).filter((a) => a.action === 'import-results')).toHaveLength(1)
  }, 120_000)

  it('through dispatch: importPreview and import validate their input and output; a wrong row is { code, message } in Chinese', async () => {
    const office = freshOffice(fx)
    const dataDir = office.dataDir
    office.close()
    const session = openSession({ dataDir, actor: '推进办' })
    try {
      expect(session.state.role).toBe('office')
      const [gd0] = fx.codes.gd
      const good = await writeSheet(file('好.xlsx'), [['广东', gd0, '', 4, 'c-1', '', B1]])
      const preview = await dispatch(session, 'office.results.importPreview', { path: good })
      expect(preview.ok && preview.value).toMatchObject({ recorded: 1, dryRun: true, rows: [{ code: gd0, star: 4, starLabel: '四星级', certificateNo: 'C-1', status: 'new', previous: null }] })
      const noPath = await dispatch(session, 'office.results.importPreview', { path: '' })
      expect(!noPath.ok && noPath.error).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('请选择文件') })
      const done = await dispatch(session, 'office.results.import', { path: good })
      expect(done.ok && done.value).toEqual({ fileName: '好.xlsx', fileSha256: sha256Of(fs.readFileSync(good)), total: 1, recorded: 1, changed: 0, unchanged: 0, warnings: [], dryRun: false })
      const bad = await writeSheet(file('坏.xlsx'), [['广东', gd0, '', '五星半', '', '', B1]])
      const refusedEnv = await dispatch(session, 'office.results.import', { path: bad })
      expect(!refusedEnv.ok && refusedEnv.error).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('第 2 行 D 列（星级）：无法识别的星级“五星半”') })
    } finally {
      session.close()
    }
  })
})
