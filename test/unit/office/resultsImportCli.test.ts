/**
 * `office results import` as a clerk runs it: the real CLI process on a real office data folder. --dry-run
 * changes nothing (exit 0, or 1 when a row is wrong); a wrong row refuses the whole file (exit 2); --json
 * prints one document in the shape of the api operations.
 */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../cli/run'
import { openOffice } from '../../../src-main/services/office/context'
import { tempDir } from './helpers'
import { buildRegister, freshOffice, snapshot, writeSheet, type RegisterFixture } from './resultsFixture'

let fx: RegisterFixture
beforeAll(async () => {
  fx = await buildRegister()
}, 120_000)
afterAll(() => fx?.cleanup())

function cli(dataDir: string, args: string[]) {
  const r = runCli(['--data', dataDir, ...args])
  return { status: r.status, doc: args.includes('--json') && r.stdout ? JSON.parse(r.stdout) : null, stdout: r.stdout, stderr: r.stderr }
}

describe('office results import (CLI)', () => {
  it('--dry-run previews and changes nothing; the import records; a wrong row refuses the file with exit 2', async () => {
    const office = freshOffice(fx)
    const data = office.dataDir
    const [gd0, gd1] = fx.codes.gd
    const before = snapshot(office)
    office.close()
    const dir = tempDir('starsite-rescli-')
    const good = await writeSheet(path.join(dir, '评定结果.xlsx'), [
      ['广东', gd0, '', '四星级', 'gd-1', 'pb-1', '2021年第一批'],
      ['广东', gd1, '别处的营业厅', 3, '', '', '2021年第一批'], // a name not the register's: a warning, still imported
    ])
    const warning = {
      row: 3,
      column: 'C',
      field: 'name',
      label: '现场名称',
      kind: 'warning',
      province: '广东省',
      code: gd1,
      workbookName: '别处的营业厅',
      registerName: fx.names[gd1],
      message: `现场名称“别处的营业厅”与全国名册中广东省 ${gd1} 的名称“${fx.names[gd1]}”不同，请核对是否填错了行（仍按现场编号记录）`,
    }

    const dry = cli(data, ['office', 'results', 'import', good, '--dry-run', '--json'])
    expect(dry.status, dry.stderr).toBe(0)
    expect(dry.doc).toMatchObject({ fileName: '评定结果.xlsx', total: 2, recorded: 2, changed: 0, unchanged: 0, errors: [], dryRun: true })
    expect(dry.doc.fileSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(dry.doc.warnings).toEqual([warning])
    expect(dry.doc.rows[0]).toEqual({
      row: 2,
      province: '广东省',
      code: gd0,
      name: fx.names[gd0],
      batch: '2021年第一批',
      star: 4,
      starLabel: '四星级',
      certificateNo: 'GD-1',
      plaqueNo: 'PB-1',
      status: 'new',
      previous: null,
    })
    const human = cli(data, ['office', 'results', 'import', good, '--dry-run'])
    expect(human.status).toBe(0)
    expect(human.stdout).toContain(gd0)
    expect(human.stderr).toContain('只预览（--dry-run），未改动任何数据：共 2 行，新记录 2')
    expect(human.stderr).toContain(`提示：第 3 行 C 列（现场名称）：现场名称“别处的营业厅”与全国名册中广东省 ${gd1} 的名称“${fx.names[gd1]}”不同`)

    const reopened = () => {
      const o = openOffice({ dataDir: data, actor: '测试' })
      const s = snapshot(o)
      o.close()
      return s
    }
    expect(reopened()).toEqual(before)

    const done = cli(data, ['office', 'results', 'import', good, '--json'])
    expect(done.status, done.stderr).toBe(0)
    expect(done.doc).toEqual({ fileName: '评定结果.xlsx', fileSha256: dry.doc.fileSha256, total: 2, recorded: 2, changed: 0, unchanged: 0, warnings: [warning], dryRun: false })
    expect(done.stderr).toContain('1 行的现场名称与全国名册不同，已按现场编号记录，请核对')
    const afterImport = reopened()
    expect(afterImport.results).toHaveLength(2)
    expect(afterImport.audit).toBe(before.audit + 1)

    const bad = await writeSheet(path.join(dir, '有错.xlsx'), [
      ['广东', gd0, '', '五星级', '', '', '2021年第一批'],
      ['广东', gd1, '', '八星', '', '', '2021年第一批'],
    ])
    const badDry = cli(data, ['office', 'results', 'import', bad, '--dry-run', '--json'])
    expect(badDry.status).toBe(1)
    expect(badDry.doc.errors).toEqual([expect.objectContaining({ row: 3, column: 'D', label: '星级' })])
    expect(badDry.doc.rows).toEqual([expect.objectContaining({ code: gd0, status: 'changed', star: 5, previous: expect.objectContaining({ star: 4 }) })])
    const refused = cli(data, ['office', 'results', 'import', bad, '--json'])
    expect(refused.status).toBe(2)
    expect(refused.doc.error.code).toBe('invalid-input')
    expect(refused.doc.error.message).toContain('第 3 行 D 列（星级）')
    expect(reopened()).toEqual(afterImport)

    const notXlsx = cli(data, ['office', 'results', 'import', path.join(dir, '没有这个文件.xlsx'), '--json'])
    expect(notXlsx.status).toBe(2)
    expect(notXlsx.doc.error.message).toContain('找不到文件')
    expect(cli(data, ['office', 'results', 'import', '--json']).status).toBe(2)
    expect(cli(data, ['office', 'results', 'import', good, '--star', '3']).status).toBe(2)
  }, 120_000)
})
