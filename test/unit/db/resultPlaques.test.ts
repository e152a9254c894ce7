/**
 * Migration 10 on a database made by an earlier release (test/fixtures/db/v7-2021.db, schema 7, six results
 * applied): every result keeps its values and gets an empty 标牌编号, and the results export then carries the
 * 省份 and 标牌编号 columns.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { schemaVersion } from '../../../src-main/db/connection'
import { LATEST_VERSION } from '../../../src-main/db/migrations'
import { openApp } from '../../../src-main/services/context'
import { exportResults } from '../../../src-main/services/results/export'
import { tempDir } from '../../helpers/tmp'

const FIXTURE = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'db', 'v7-2021.db')
const COLUMNS = 'site_id, result_id, outcome, awarded_star, certificate_no, batch'

let cleanup: (() => void)[] = []
afterEach(() => {
  for (const c of cleanup.reverse()) c()
  cleanup = []
})

describe('migration 10 (result plaques) on a version-7 database', () => {
  it('keeps every result, adds an empty 标牌编号, and the export has 省份 and 标牌编号', async () => {
    const dir = tempDir('starsite-v7-plaque-')
    cleanup.push(dir.cleanup)
    const file = path.join(dir.dir, 'starsite.db')
    fs.copyFileSync(FIXTURE, file)
    const old = new Database(file)
    const before = old.prepare(`SELECT ${COLUMNS} FROM site_results ORDER BY site_id`).all()
    old.close()
    expect(before).toHaveLength(6)

    const app = openApp({ dataDir: dir.dir, actor: '测试员', now: () => '2027-03-01T02:00:00.000Z' })
    cleanup.push(() => app.close())
    expect(schemaVersion(app.db)).toBe(LATEST_VERSION)
    expect(app.db.prepare(`SELECT ${COLUMNS} FROM site_results ORDER BY site_id`).all()).toEqual(before)
    expect(app.db.prepare('SELECT DISTINCT plaque_no FROM site_results UNION SELECT DISTINCT plaque_no FROM results').all()).toEqual([{ plaque_no: '' }])

    const out = (await exportResults(app, path.join(dir.dir, '评定结果名单.xlsx'))).path
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.worksheets[0]
    const header = (ws.getRow(1).values as unknown[]).slice(1)
    expect(header.slice(0, 3)).toEqual(['序号', '省份', '现场编号'])
    const provinceCol = header.indexOf('省份') + 1
    const plaqueCol = header.indexOf('标牌编号') + 1
    expect(plaqueCol).toBeGreaterThan(0)
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2))
    expect(rows).toHaveLength(6)
    for (const row of rows) {
      expect(row.getCell(provinceCol).text).toBe('广东省')
      expect(row.getCell(plaqueCol).text).toBe('')
    }
  })
})
