/**
 * 'results.export': the year's results per site (评定结果名单) with the hand-over columns, as .xlsx. Every text
 * value is a string cell (text starting with = + - @ gets the text format too); the file is written to a
 * temp name and renamed into place. The headers are ones both results imports recognise: the province's own
 * reads the file back (序号, 省份 and the hand-over columns are ignored there), and the office's reads 省份 and
 * 标牌编号 too, so a province's list can go to the office as it is.
 */
import { findProvince } from '../../core/association/provinces'
import type { AppContext } from '../context'
import { dateStamp, resolveOutPath, setTextCell, writeWorkbookAtomically } from '../roster/outputFile'
import { requireSetup } from '../settings/association'
import { listResultsView } from './list'
import { loadExcelJS } from '../files/exceljs'
import { applyPrintSetup } from '../files/printSetup'

const COLUMNS: { header: string; width: number }[] = [
  { header: '序号', width: 6 },
  { header: '省份', width: 10 },
  { header: '现场编号', width: 16 },
  { header: '现场名称', width: 30 },
  { header: '现场类型', width: 12 },
  { header: '所属企业', width: 12 },
  { header: '推荐单位', width: 30 },
  { header: '评定结果', width: 10 },
  { header: '证书编号', width: 20 },
  { header: '标牌编号', width: 20 },
  { header: '批次', width: 12 },
  { header: '证书领取日期', width: 14 },
  { header: '标牌领取日期', width: 14 },
  { header: '经办人', width: 10 },
]

export async function exportResults(app: AppContext, outPath?: string): Promise<{ path: string; size: number; sites: number }> {
  const { association, campaign } = requireSetup(app)
  // The profile keeps the short form (广东); the office's register and files say 广东省.
  const province = findProvince(association.province)?.name ?? association.province
  const target = resolveOutPath(app, outPath, `${campaign.year}年评定结果_${dateStamp(app.now())}.xlsx`)
  const { sites } = listResultsView(app)
  const workbook = new (await loadExcelJS()).Workbook()
  workbook.creator = 'starsite 星级服务现场推荐报送系统'
  const ws = workbook.addWorksheet('评定结果')
  ws.columns = COLUMNS.map((c) => ({ width: c.width }))
  const head = ws.getRow(1)
  COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1)
    cell.value = c.header
    cell.font = { bold: true }
  })
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  sites.forEach((r, i) => {
    const row = ws.getRow(i + 2)
    row.getCell(1).value = i + 1
    const texts = [
      province,
      r.site.code,
      r.site.name,
      r.site.type,
      r.site.enterprise,
      r.site.recommender,
      r.outcomeText,
      r.certificateNo,
      r.plaqueNo,
      r.batch,
      r.certificateReceivedOn ?? '',
      r.plaqueReceivedOn ?? '',
      r.handler,
    ]
    texts.forEach((t, j) => {
      if (t) setTextCell(row.getCell(j + 2), t)
    })
  })
  applyPrintSetup(ws, { title: `${province}${campaign.year}年评定结果` })
  const size = await writeWorkbookAtomically(app, workbook, target)
  return { path: target, size, sites: sites.length }
}
