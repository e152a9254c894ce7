/** A site roster file read into rows: safety checks, exceljs, header, and readSiteDraft on every row. */
import { ROSTER_COLUMNS, type RosterField } from '../../core/roster/columns'
import type { IgnoredColumn } from '../../core/roster/header'
import { readRosterRow, type ReadRow } from '../../core/roster/siteRow'
import type { AppContext } from '../context'
import type { JobHandle } from '../jobs'
import { cachedParse, rememberParse } from './parseCache'
import { readSheetTable } from './sheetTable'
import { loadWorkbook, readWorkbookFile, type WorkbookFile } from './workbookFile'

export interface ParsedRoster {
  fileName: string
  sha256: string
  sheet: string
  headerRow: number
  columns: ReadonlyMap<RosterField, number>
  ignored: IgnoredColumn[]
  rows: ReadRow[]
}

const KIND = 'sites'

export async function parseRosterFile(app: AppContext, file: WorkbookFile, job?: JobHandle): Promise<ParsedRoster> {
  const hit = cachedParse<ParsedRoster>(app, KIND, file.sha256)
  if (hit) return { ...hit, fileName: file.fileName }
  job?.progress('打开工作簿', 0, 1)
  const workbook = await loadWorkbook(file)
  job?.throwIfCancelled()
  const table = await readSheetTable(workbook, file.fileName, ROSTER_COLUMNS, ['seq'], job)
  const rows: ReadRow[] = []
  for (const raw of table.rows) rows.push(readRosterRow(raw, table.header.columns, table.date1904))
  const parsed: ParsedRoster = {
    fileName: file.fileName,
    sha256: file.sha256,
    sheet: table.sheet,
    headerRow: table.header.row,
    columns: table.header.columns,
    ignored: table.header.ignored,
    rows,
  }
  rememberParse(app, KIND, file.sha256, parsed)
  return parsed
}

export async function parseRoster(app: AppContext, filePath: string, job?: JobHandle): Promise<ParsedRoster> {
  return parseRosterFile(app, readWorkbookFile(filePath), job)
}
