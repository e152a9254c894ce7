/**
 * A national register of four sites (广东 and 浙江, two each) received from real signed bundles, built once
 * per test file and copied into a fresh data folder for each test, so every test starts from the same office.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { receive } from '../../../src-main/services/office/receive'
import { listRegister } from '../../../src-main/services/office/register'
import type { OfficeContext } from '../../../src-main/services/office/context'
import { tempDir as makeTemp } from '../../helpers/tmp'
import { officeWithKeys, province, reopenOffice, tempDir } from './helpers'

export interface RegisterFixture {
  /** The template office folder (closed); copy it with `fresh`. */
  dir: string
  codes: { gd: string[]; zj: string[] }
  names: Record<string, string>
  cleanup(): void
}

export async function buildRegister(): Promise<RegisterFixture> {
  const gd = await province('广东')
  const zj = await province('浙江')
  const office = officeWithKeys(gd, zj)
  const drop = tempDir('starsite-drop-')
  await gd.bundle(path.join(drop, '1_广东.zip'))
  await zj.bundle(path.join(drop, '2_浙江.zip'))
  const outcomes = await receive(office, [drop])
  if (outcomes.some((o) => o.status !== 'ingested')) throw new Error(`fixture: bundles not ingested: ${outcomes.map((o) => o.message).join('; ')}`)
  const sites = listRegister(office)
  office.close()
  const t = makeTemp('starsite-office-tpl-')
  fs.cpSync(office.dataDir, t.dir, { recursive: true })
  return {
    dir: t.dir,
    codes: { gd: sites.filter((s) => s.province === '广东省').map((s) => s.code), zj: sites.filter((s) => s.province === '浙江省').map((s) => s.code) },
    names: Object.fromEntries(sites.map((s) => [s.code, s.name])),
    cleanup: t.cleanup,
  }
}

/** A copy of the template office folder, opened; closed after the test by the helpers' cleanup. */
export function freshOffice(fixture: RegisterFixture): OfficeContext {
  const dir = tempDir('starsite-office-')
  fs.cpSync(fixture.dir, dir, { recursive: true })
  return reopenOffice(dir)
}

/** The office's data that an import may change: every rating and the audit trail. */
export function snapshot(office: OfficeContext): { results: unknown[]; audit: number } {
  return {
    results: office.db.prepare('SELECT * FROM site_results ORDER BY province, code, batch').all(),
    audit: (office.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n,
  }
}

export const HEADER = ['省份', '现场编号', '现场名称', '星级', '证书编号', '牌匾编号', '批次']

/** A workbook of rows under HEADER (or the given header), every value written as given. */
export async function writeSheet(file: string, rows: unknown[][], header: unknown[] = HEADER, setup?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('评定结果')
  ;[header, ...rows].forEach((cells, i) => {
    const row = ws.getRow(i + 1)
    cells.forEach((v, j) => {
      if (v !== undefined && v !== null && v !== '') row.getCell(j + 1).value = v as ExcelJS.CellValue
    })
  })
  setup?.(ws)
  await wb.xlsx.writeFile(file)
  return file
}
