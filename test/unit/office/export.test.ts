import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { ROSTER_COLUMNS } from '../../../src-main/core/roster/columns'
import { updateSite } from '../../../src-main/services/sites/sites'
import { receive } from '../../../src-main/services/office/receive'
import { listRegister } from '../../../src-main/services/office/register'
import { runCli } from '../cli/run'
import { officeWithKeys, province, tempDir } from './helpers'

describe('office export', () => {
  it('writes the national register as xlsx: 省份 first, the roster columns after, formula-like text kept as text', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    zj.drafts[0] = { ...zj.drafts[0], name: '=HYPERLINK("http://x","浙江营业厅")' }
    updateSite(zj.app, zj.siteIds[0], zj.drafts[0])
    gd.drafts[0] = { ...gd.drafts[0], staffCount: 12 }
    updateSite(gd.app, gd.siteIds[0], gd.drafts[0])
    const office = officeWithKeys(gd, zj)
    const drop = tempDir('starsite-drop-')
    await gd.bundle(path.join(drop, '1_广东.zip'))
    await zj.bundle(path.join(drop, '2_浙江.zip'))
    expect((await receive(office, [drop])).map((o) => o.status)).toEqual(['ingested', 'ingested'])
    const register = listRegister(office)
    office.close()

    const out = path.join(tempDir('starsite-out-'), '全国名册.xlsx')
    const r = runCli(['--data', office.dataDir, 'office', 'export', '--out', out, '--json'])
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ path: out, sites: 4 })

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.getWorksheet('全国名册')!
    const headers = (ws.getRow(1).values as unknown[]).slice(1)
    expect(headers).toEqual(['省份', ...ROSTER_COLUMNS.map((c) => c.header)])
    const col = (field: string) => 2 + ROSTER_COLUMNS.findIndex((c) => c.field === field)
    const rows = [2, 3, 4, 5].map((n) => ws.getRow(n))
    expect(rows.map((row) => [row.getCell(1).value, row.getCell(col('code')).value])).toEqual(register.map((s) => [s.province, s.code]))
    expect(rows.map((row) => row.getCell(col('address')).value)).toEqual([...gd.drafts, ...zj.drafts].map((d) => d.address))
    expect(rows.map((row) => row.getCell(col('uscc')).value)).toEqual(Array(4).fill('91440000719283738L'))
    // The manifest carries the type as its code and the level as a number: printed as the clerk typed them.
    const stars = ['', '一星级', '二星级', '三星级', '四星级', '五星级']
    expect(rows.map((row) => [row.getCell(col('type')).value, row.getCell(col('starLevel')).value])).toEqual(
      [...gd.drafts, ...zj.drafts].map((d) => [d.type, stars[d.starLevel as number]]),
    )
    expect(rows[0].getCell(col('type')).value).toBe('营业厅')
    // A count stays a number cell.
    expect([rows[0].getCell(col('staffCount')).value, rows[0].getCell(col('staffCount')).type]).toEqual([12, ExcelJS.ValueType.Number])
    const hostile = rows.find((row) => String(row.getCell(col('name')).value).startsWith('='))!
    expect(hostile.getCell(col('name')).type).toBe(ExcelJS.ValueType.String)
    expect(hostile.getCell(col('name')).value).toBe('=HYPERLINK("http://x","浙江营业厅")')
    expect(ws.rowCount).toBe(5)

    // Not .xlsx: refused, nothing written.
    const csv = path.join(path.dirname(out), 'x.csv')
    const bad = runCli(['--data', office.dataDir, 'office', 'export', '--out', csv])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('.xlsx')
    expect(fs.existsSync(csv)).toBe(false)
  })
})
