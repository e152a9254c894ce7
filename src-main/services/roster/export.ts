/**
 * 'roster.export': the year's sites as a roster in the template's columns plus 状态 and 未处理问题数, so the
 * exported file can be edited and imported again. Every text value goes in as a string cell: a site named
 * “=HYPERLINK(...)” stays text and never becomes a live formula in whoever opens the file.
 */
import type ExcelJS from 'exceljs'
import { ROSTER_COLUMNS, type RosterField } from '../../core/roster/columns'
import { SITE_STATUS_LABELS, SITE_TYPE_INFO, starLabel } from '../../core/sites/fields'
import { typesetChinese } from '../../core/typeset'
import { FindingsRepository } from '../../db/repositories/findings'
import type { SiteRecord } from '../../db/repositories/sites'
import type { AppContext } from '../context'
import type { JobHandle } from '../jobs'
import { requireSetup } from '../settings/association'
import { dateStamp, resolveOutPath, setTextCell, writeWorkbookAtomically } from './outputFile'
import { addRosterSheet } from './template'
import { loadExcelJS } from '../files/exceljs'

/** Open findings per site: found by the last check run and not waived. */
export function openFindingCounts(app: AppContext): Map<number, number> {
  return new FindingsRepository(app.db).unwaivedCountsBySite()
}

function cellValue(site: SiteRecord, field: RosterField, seq: number): string | number | Date | null {
  switch (field) {
    case 'seq':
      return seq
    case 'type':
      return SITE_TYPE_INFO[site.type].label
    case 'starLevel':
      return starLabel(site.starLevel)
    case 'certificates':
      return site.certificates.join('、')
    case 'applyDate':
      return /^\d{4}-\d{2}-\d{2}$/.test(site.applyDate) ? new Date(`${site.applyDate}T00:00:00Z`) : site.applyDate
    case 'staffCount':
    case 'areaSqm':
    case 'seats':
      return site[field]
    case 'name':
    case 'enterprise':
    case 'recommender':
    case 'city':
    case 'district':
    case 'address':
    case 'manager':
    case 'highlights':
    case 'remarks':
      // Prose prints as Chinese text (DESIGN §7b); the stored value keeps what was typed.
      return typesetChinese(site[field])
    default:
      return site[field]
  }
}

export async function exportRoster(
  app: AppContext,
  outPath: string | undefined,
  job?: JobHandle,
  /** siteIds: only these sites (the bundle packs a selection); absent: every site of the year. */
  filter: { siteIds?: number[] } = {},
): Promise<{ path: string; size: number; sites: number }> {
  const { campaign } = requireSetup(app)
  const target = resolveOutPath(app, outPath, `推荐汇总表_${dateStamp(app.now())}.xlsx`)
  const only = filter.siteIds ? new Set(filter.siteIds) : null
  const sites = app.sites.list(campaign.id).filter((s) => !only || only.has(s.id))
  const open = openFindingCounts(app)
  const workbook: ExcelJS.Workbook = new (await loadExcelJS()).Workbook()
  workbook.creator = 'starsite 星级服务现场推荐报送系统'
  const ws = addRosterSheet(workbook, ROSTER_COLUMNS, [
    { header: '状态', width: 10 },
    { header: '未处理问题数', width: 12 },
  ])
  sites.forEach((site, i) => {
    if (i % 500 === 0) {
      job?.throwIfCancelled()
      job?.progress('写入汇总表', i, sites.length)
    }
    const row = ws.getRow(i + 2)
    ROSTER_COLUMNS.forEach((c, j) => {
      const value = cellValue(site, c.field, i + 1)
      const cell = row.getCell(j + 1)
      if (typeof value === 'string') setTextCell(cell, value)
      else if (value !== null) cell.value = value
    })
    setTextCell(row.getCell(ROSTER_COLUMNS.length + 1), SITE_STATUS_LABELS[site.status])
    row.getCell(ROSTER_COLUMNS.length + 2).value = open.get(site.id) ?? 0
  })
  job?.throwIfCancelled()
  const size = await writeWorkbookAtomically(app, workbook, target)
  job?.progress('写入汇总表', sites.length, sites.length)
  return { path: target, size, sites: sites.length }
}
