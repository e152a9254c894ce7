/**
 * The office's ratings (评定结果): recorded per site and batch, and exported per province in exactly the
 * columns the province's `results import` reads (core/results/columns), 现场编号 first — so every row matches
 * a province's site by its own code, with nothing left to review. Certificate and plaque numbers travel in
 * 证书编号 and 标牌编号, which the province keeps with the result.
 */
import type ExcelJS from 'exceljs'
import { AppError } from '../../core/errors'
import { RESULT_COLUMNS, type ResultField } from '../../core/results/columns'
import { SITE_TYPE_INFO, STAR_LABELS, type SiteType } from '../../core/sites/fields'
import { cleanText } from '../../core/text'
import { appendAudit } from '../../db/repositories/audit'
import { currentRegisterFields } from '../../db/office/register'
import { officeResultsOf, putOfficeResult, type OfficeResult } from '../../db/office/results'
import { dateStamp, resolveOutPath, setTextCell, writeWorkbookAtomically } from '../roster/outputFile'
import type { OfficeContext } from './context'
import { provinceName } from './keys'
import { findRegisterSite } from './register'
import { loadExcelJS } from '../files/exceljs'
import { applyPrintSetup } from '../files/printSetup'

const RESULT_COLUMN_WIDTHS: Record<ResultField, number> = {
  code: 16,
  name: 30,
  recommender: 30,
  enterprise: 12,
  type: 10,
  star: 10,
  certificateNo: 20,
  plaqueNo: 20,
  batch: 14,
}

export interface SetResultInput {
  /** 省份:现场编号, or a 现场编号 unique nationally. */
  site: string
  star: number
  batch: string
  certificateNo?: string
  plaqueNo?: string
}

export function setOfficeResult(office: OfficeContext, input: SetResultInput): OfficeResult {
  const batch = cleanText(input.batch)
  if (!batch) throw new AppError('invalid-input', '请写明批次，如 2021年第一批', { field: 'batch' })
  if (!Number.isInteger(input.star) || input.star < 1 || input.star > 7) throw new AppError('invalid-input', `星级应为 1 到 7 的整数，收到“${input.star}”`, { field: 'star' })
  return office.db.transaction((): OfficeResult => {
    const site = findRegisterSite(currentRegisterFields(office.db), input.site)
    const result: OfficeResult = {
      province: site.province,
      code: site.code,
      batch,
      name: site.name,
      star: input.star,
      certificateNo: cleanText(input.certificateNo).toUpperCase(),
      plaqueNo: cleanText(input.plaqueNo).toUpperCase(),
      recordedAt: office.now(),
      recordedBy: office.actor,
    }
    putOfficeResult(office.db, result)
    appendAudit(
      office.db,
      { actor: office.actor, action: 'set-result', entity: 'site-result', entityId: `${site.province}:${site.code}`, summary: `记录${site.province} ${site.code} ${site.name}：${batch} ${STAR_LABELS[input.star]}`, details: result },
      result.recordedAt,
    )
    return result
  })()
}

export async function exportProvinceResults(office: OfficeContext, input: { province: string; out?: string }): Promise<{ path: string; size: number; rows: number }> {
  const province = provinceName(input.province)
  const results = officeResultsOf(office.db, province)
  if (!results.length) throw new AppError('not-found', `还没有记录${province}任何现场的评定结果，没有可导出的内容`)
  const target = resolveOutPath(office, input.out, `${province}_评定结果_${dateStamp(office.now())}.xlsx`)
  const sites = new Map(currentRegisterFields(office.db).filter((s) => s.province === province).map((s) => [s.code, s]))
  const workbook: ExcelJS.Workbook = new (await loadExcelJS()).Workbook()
  workbook.creator = 'starsite 星级服务现场推荐报送系统'
  const ws = workbook.addWorksheet('评定结果', { views: [{ state: 'frozen', ySplit: 1 }] })
  // Wide enough that names and numbers print whole rather than cut at Excel's default width.
  ws.columns = RESULT_COLUMNS.map((c) => ({ width: RESULT_COLUMN_WIDTHS[c.field] }))
  RESULT_COLUMNS.forEach((c, i) => (ws.getRow(1).getCell(i + 1).value = c.header))
  ws.getRow(1).font = { bold: true }
  results.forEach((r, i) => {
    const site = sites.get(r.code)
    const values: Record<ResultField, string> = {
      code: r.code,
      name: site?.name ?? r.name,
      recommender: site?.recommender ?? '',
      enterprise: cleanText(site?.fields.enterprise),
      type: site ? (SITE_TYPE_INFO[site.type as SiteType]?.label ?? site.type) : '',
      star: STAR_LABELS[r.star],
      certificateNo: r.certificateNo,
      plaqueNo: r.plaqueNo,
      batch: r.batch,
    }
    const row = ws.getRow(i + 2)
    RESULT_COLUMNS.forEach((c, j) => setTextCell(row.getCell(j + 1), values[c.field]))
  })
  applyPrintSetup(ws, { title: `${province}评定结果` })
  const size = await writeWorkbookAtomically(office, workbook, target)
  return { path: target, size, rows: results.length }
}
