import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { RESULT_COLUMNS } from '../../../src-main/core/results/columns'
import { addKey } from '../../../src-main/services/office/keys'
import { receive } from '../../../src-main/services/office/receive'
import { listRegister } from '../../../src-main/services/office/register'
import { removeSites } from '../../../src-main/services/sites/sites'
import { runCli } from '../cli/run'
import { newOffice, province, tempDir } from './helpers'

function cli(dataDir: string, args: string[]) {
  const r = runCli(['--data', dataDir, ...args, '--json'])
  return { status: r.status, doc: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr }
}

describe('office results', () => {
  it('round trip: the office rates a province’s sites, exports its file, the province imports it — all matched by code, certificates on the sites', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    const office = newOffice()
    addKey(office, { province: '广东', file: gd.publicKeyFile })
    addKey(office, { province: '浙江', file: zj.publicKeyFile })
    const drop = tempDir('starsite-drop-')
    await gd.bundle(path.join(drop, '1_广东.zip'))
    await zj.bundle(path.join(drop, '2_浙江.zip'))
    expect((await receive(office, [drop])).map((o) => o.status)).toEqual(['ingested', 'ingested'])
    const gdSites = listRegister(office, { province: '广东' })
    const zjSites = listRegister(office, { province: '浙江' })
    office.close()
    const data = office.dataDir

    // Ratings, one per site; a second `set` for the same site and batch replaces the first.
    expect(cli(data, ['office', 'results', 'set', `广东:${gdSites[0].code}`, '--star', '3', '--batch', '2021年第一批']).status).toBe(0)
    const set = [
      [`广东:${gdSites[0].code}`, '5', 'GD2021-0001', 'PB-0001'],
      [gdSites[1].code, '4', 'gd2021-0002', 'PB-0002'],
      [`浙江省：${zjSites[0].code}`, '4', 'ZJ2021-0001', 'PB-0101'],
    ]
    for (const [site, star, cert, plaque] of set) {
      const r = cli(data, ['office', 'results', 'set', site, '--star', star, '--batch', '2021年第一批', '--certificate', cert, '--plaque', plaque])
      expect(r.status, r.stderr).toBe(0)
      expect([r.doc.result.certificateNo, r.doc.result.plaqueNo]).toEqual([cert.toUpperCase(), plaque])
    }
    expect(cli(data, ['office', 'results', 'set', '广东:GD-2021-X999', '--star', '4', '--batch', '2021年第一批']).status).toBe(1)
    expect(cli(data, ['office', 'results', 'set', gdSites[0].code, '--star', '4']).status).toBe(2)

    const out = path.join(tempDir('starsite-res-'), '广东_评定结果.xlsx')
    const exported = cli(data, ['office', 'results', 'export', '--province', '广东', '--out', out])
    expect(exported.status, exported.stderr).toBe(0)
    expect(exported.doc).toMatchObject({ path: out, rows: 2 })
    // The province import's own header, in its order; only 广东's rows.
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.worksheets[0]
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(RESULT_COLUMNS.map((c) => c.header))
    expect(ws.rowCount).toBe(3)
    expect(cli(data, ['office', 'results', 'export', '--province', '江苏', '--out', path.join(path.dirname(out), 'js.xlsx')]).status).toBe(1)

    // The province imports the office's file: every row matched by code, nothing to review.
    const imported = cli(gd.app.dataDir, ['results', 'import', out])
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.doc).toMatchObject({ total: 2, imported: 2, matched: 2, review: 0, unmatched: 0, skipped: 0 })
    const before = cli(gd.app.dataDir, ['results', 'list']).doc
    expect(before.rows.map((r: { status: string; matchMethod: string }) => [r.status, r.matchMethod])).toEqual([
      ['matched', 'code'],
      ['matched', 'code'],
    ])
    expect(cli(gd.app.dataDir, ['results', 'apply']).doc).toMatchObject({ applied: 2 })
    const after = cli(gd.app.dataDir, ['results', 'list']).doc
    const bySite = new Map(after.sites.map((s: { siteId: number }) => [s.siteId, s]))
    expect(bySite.get(gd.siteIds[0])).toMatchObject({ outcome: 'rated', awardedStar: 5, certificateNo: 'GD2021-0001', plaqueNo: 'PB-0001', batch: '2021年第一批' })
    expect(bySite.get(gd.siteIds[1])).toMatchObject({ outcome: 'rated', awardedStar: 4, certificateNo: 'GD2021-0002', plaqueNo: 'PB-0002', batch: '2021年第一批' })

    // 广东 later withdraws its second site and re-sends: the office's file still names it as rated.
    removeSites(gd.app, [gd.siteIds[1]])
    const resent = await gd.bundle(path.join(tempDir('starsite-gd2-'), '广东_2.zip'))
    expect(cli(data, ['office', 'receive', resent]).doc.outcomes[0].status).toBe('ingested')
    expect(cli(data, ['office', 'list', '--province', '广东']).doc.sites).toHaveLength(1)
    const again = path.join(path.dirname(out), '广东_评定结果_2.xlsx')
    expect(cli(data, ['office', 'results', 'export', '--province', '广东', '--out', again]).doc.rows).toBe(2)
    const wb2 = new ExcelJS.Workbook()
    await wb2.xlsx.readFile(again)
    const nameCol = 1 + RESULT_COLUMNS.findIndex((c) => c.field === 'name')
    expect([2, 3].map((n) => wb2.worksheets[0].getRow(n).getCell(nameCol).value)).toEqual(['广东一号营业厅', '广东二号营业厅'])
  }, 300_000) // fifteen CLI child processes: over a minute on a loaded machine
})
