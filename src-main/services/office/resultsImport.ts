/**
 * The office's ratings (评定结果) imported from a workbook: the meeting's outcome, hundreds of rows at once.
 * The file is read with the province's own readers (workbookFile: the safety checks; sheetTable: header
 * recognition, merged cells) in the province file's columns plus 省份, so the office's own export and a
 * province's results export (省份 and 标牌编号 among its columns) both read as they are. Each row is matched to the national register by findRegisterSite's rule (registerLookup).
 * The code is the key; a 现场名称 that is not the register's (by nameKey, so 全角/半角 and spaces do not count)
 * is a warning, not an error: names get abbreviated, but a row pasted from the wrong site should be seen.
 * Preview writes nothing; apply writes every row in one transaction with one audit entry, and refuses the
 * whole file when any row has a problem.
 */
import { invalid } from '../../core/errors'
import { cellText, type PlainCell } from '../../core/roster/cellValue'
import { columnLetter } from '../../core/roster/letters'
import { describeProblem, type RowProblem } from '../../core/roster/problems'
import { findProvince } from '../../core/association/provinces'
import { OFFICE_RESULT_COLUMNS, OFFICE_RESULT_FIELD_LABELS, parseOutcome, type OfficeResultField } from '../../core/results/columns'
import { starLabel } from '../../core/sites/fields'
import { cleanProse, cleanText, nameKey } from '../../core/text'
import { appendAudit } from '../../db/repositories/audit'
import { currentRegisterFields } from '../../db/office/register'
import { allOfficeResults, putOfficeResult, type OfficeResult } from '../../db/office/results'
import type { JobHandle } from '../jobs'
import { readSheetTable } from '../roster/sheetTable'
import { loadWorkbook, readWorkbookFile, type WorkbookFile } from '../roster/workbookFile'
import type { OfficeContext } from './context'
import { registerLookup } from './register'

export type ImportRowStatus = 'new' | 'changed' | 'unchanged'

/** What one row records: the rating, and the one it replaces (same site and batch) when there is one. */
export interface ResultImportRow {
  row: number
  province: string
  code: string
  /** The site's name in the register. */
  name: string
  batch: string
  star: number
  certificateNo: string
  plaqueNo: string
  status: ImportRowStatus
  previous: { star: number; certificateNo: string; plaqueNo: string } | null
}

/** A row whose 现场名称 is not the register's name for its code: recorded all the same, and said. */
export interface ResultImportWarning extends RowProblem {
  kind: 'warning'
  /** The register site the row's code found. */
  province: string
  code: string
  /** The name as the workbook has it, and the register's name for that site. */
  workbookName: string
  registerName: string
}

export interface ResultImportSummary {
  fileName: string
  fileSha256: string
  /** Data rows read (blank rows not counted). */
  total: number
  /** Ratings new to the register / replacing a different one / identical to the one recorded. */
  recorded: number
  changed: number
  unchanged: number
  errors: RowProblem[]
  /** Rows recorded with a name other than the register's, by row. */
  warnings: ResultImportWarning[]
  /** Preview only: one entry per rating the file holds (a row repeated identically counts once). */
  rows?: ResultImportRow[]
  dryRun: boolean
}

interface ReadFile {
  file: WorkbookFile
  total: number
  rows: ResultImportRow[]
  errors: RowProblem[]
  warnings: ResultImportWarning[]
}

const resultKey = (province: string, code: string, batch: string) => `${province}\n${code}\n${batch}`

async function readResultsFile(office: OfficeContext, filePath: string, job?: JobHandle): Promise<ReadFile> {
  const file = readWorkbookFile(filePath)
  job?.progress('打开工作簿', 0, 1)
  const workbook = await loadWorkbook(file)
  job?.throwIfCancelled()
  const table = await readSheetTable(workbook, file.fileName, OFFICE_RESULT_COLUMNS, ['province', 'batch'], job)
  if (!table.rows.length) throw invalid(`“${file.fileName}”的表头下没有数据行，没有可导入的评定结果`)
  const columns = table.header.columns
  const letter = (field: OfficeResultField) => {
    const col = columns.get(field)
    return col === undefined ? '' : columnLetter(col)
  }
  const problem = (row: number, field: OfficeResultField, message: string): RowProblem => ({
    row,
    column: letter(field),
    field,
    label: OFFICE_RESULT_FIELD_LABELS[field],
    kind: 'error',
    message,
  })
  const text = (cells: Partial<Record<OfficeResultField, PlainCell>>, field: OfficeResultField) => cleanText(cellText(cells[field] ?? null))

  const lookup = registerLookup(currentRegisterFields(office.db))
  const recorded = new Map(allOfficeResults(office.db).map((r) => [resultKey(r.province, r.code, r.batch), r]))
  // A column the file does not have leaves that part of an existing rating as it is (a results list without 标牌编号).
  const hasCertificate = columns.has('certificateNo')
  const hasPlaque = columns.has('plaqueNo')
  const errors: RowProblem[] = []
  const warnings: ResultImportWarning[] = []
  const rows: ResultImportRow[] = []
  const seen = new Map<string, ResultImportRow>()
  const contradicted = new Set<number>()
  for (const raw of table.rows) {
    const found: RowProblem[] = []
    const code = text(raw.cells, 'code')
    const provinceText = text(raw.cells, 'province')
    const province = provinceText ? findProvince(provinceText)?.name : null
    if (province === undefined) found.push(problem(raw.row, 'province', `无法识别的省份“${provinceText}”，请写如“广东”或“广东省”`))
    const starText = text(raw.cells, 'star')
    const outcome = parseOutcome(raw.cells.star ?? null)
    if (!starText) found.push(problem(raw.row, 'star', '星级不能为空'))
    else if (outcome?.outcome === 'rejected') found.push(problem(raw.row, 'star', `“${starText}”不是星级：这里只记录评定的星级（一星级到七星级），未通过的现场不必列入`))
    else if (!outcome) found.push(problem(raw.row, 'star', `无法识别的星级“${starText}”，应为一星级到七星级，可写成 三星级、三星、3 或 ★★★`))
    const batch = text(raw.cells, 'batch')
    if (!batch) found.push(problem(raw.row, 'batch', '批次不能为空，如 2021年第一批'))
    else if (batch.length > 50) found.push(problem(raw.row, 'batch', '批次过长（不超过 50 个字）'))
    let site: { province: string; code: string; name: string } | null = null
    if (!code) found.push(problem(raw.row, 'code', '现场编号不能为空'))
    else if (province !== undefined) {
      const hit = lookup(province, code)
      if ('error' in hit) found.push(problem(raw.row, 'code', hit.error))
      else site = hit.site
    }
    // Prose, as typed, for display; compared by key.
    const workbookName = cleanProse(cellText(raw.cells.name ?? null))
    if (site && workbookName && nameKey(workbookName) !== nameKey(site.name))
      warnings.push({
        ...problem(raw.row, 'name', `现场名称“${workbookName}”与全国名册中${site.province} ${site.code} 的名称“${site.name}”不同，请核对是否填错了行（仍按现场编号记录）`),
        kind: 'warning',
        province: site.province,
        code: site.code,
        workbookName,
        registerName: site.name,
      })
    const certificateNo = text(raw.cells, 'certificateNo').toUpperCase()
    const plaqueNo = text(raw.cells, 'plaqueNo').toUpperCase()
    if (certificateNo.length > 100) found.push(problem(raw.row, 'certificateNo', '证书编号过长（不超过 100 个字符）'))
    if (plaqueNo.length > 100) found.push(problem(raw.row, 'plaqueNo', '标牌编号过长（不超过 100 个字符）'))
    if (found.length || !site || outcome?.outcome !== 'rated') {
      errors.push(...found)
      continue
    }
    const key = resultKey(site.province, site.code, batch)
    const before = recorded.get(key)
    const entry: ResultImportRow = {
      row: raw.row,
      province: site.province,
      code: site.code,
      name: site.name,
      batch,
      star: outcome.star,
      certificateNo: hasCertificate ? certificateNo : (before?.certificateNo ?? ''),
      plaqueNo: hasPlaque ? plaqueNo : (before?.plaqueNo ?? ''),
      status: 'new',
      previous: before ? { star: before.star, certificateNo: before.certificateNo, plaqueNo: before.plaqueNo } : null,
    }
    const first = seen.get(key)
    if (first) {
      // The same rating twice (a pasted block) is harmless; two different ones for one site cannot both hold.
      if (first.star !== entry.star || first.certificateNo !== entry.certificateNo || first.plaqueNo !== entry.plaqueNo) {
        contradicted.add(first.row)
        errors.push(problem(raw.row, 'code', `与第 ${first.row} 行是同一个现场（${site.province} ${site.code}，${batch}），但评定结果不同：${ratingText(first)} 与 ${ratingText(entry)}`))
      }
      continue
    }
    seen.set(key, entry)
    if (before)
      entry.status = before.star === entry.star && before.certificateNo === entry.certificateNo && before.plaqueNo === entry.plaqueNo ? 'unchanged' : 'changed'
    rows.push(entry)
  }
  // A row reached `rows` before a later row contradicted it: the contradiction is the error, and neither is kept.
  return { file, total: table.rows.length, rows: rows.filter((r) => !contradicted.has(r.row)), errors: errors.sort((a, b) => a.row - b.row), warnings }
}

function ratingText(r: Pick<ResultImportRow, 'star' | 'certificateNo' | 'plaqueNo'>): string {
  const parts = [starLabel(r.star)]
  if (r.certificateNo) parts.push(`证书 ${r.certificateNo}`)
  if (r.plaqueNo) parts.push(`标牌 ${r.plaqueNo}`)
  return parts.join('、')
}

function counts(rows: ResultImportRow[]) {
  const c = { recorded: 0, changed: 0, unchanged: 0 }
  for (const r of rows) c[r.status === 'new' ? 'recorded' : r.status]++
  return c
}

/** What an import of the file would record and change, with every problem by row and column; writes nothing. */
export async function previewResultsImport(office: OfficeContext, input: { path: string }, job?: JobHandle): Promise<ResultImportSummary> {
  const read = await readResultsFile(office, input.path, job)
  return {
    fileName: read.file.fileName,
    fileSha256: read.file.sha256,
    total: read.total,
    ...counts(read.rows),
    errors: read.errors,
    warnings: read.warnings,
    rows: read.rows,
    dryRun: true,
  }
}

/** The file's ratings into the register's results: all rows in one transaction, or none when any row is wrong. */
export async function importResultsFile(office: OfficeContext, input: { path: string }, job?: JobHandle): Promise<ResultImportSummary> {
  const read = await readResultsFile(office, input.path, job)
  const { file, rows, errors } = read
  if (errors.length) {
    const bad = new Set(errors.map((e) => e.row)).size
    throw invalid(
      `“${file.fileName}”共 ${read.total} 行，其中 ${bad} 行有错误，本次未导入任何评定结果。请修正后重新导入：${errors.slice(0, 5).map(describeProblem).join('；')}${errors.length > 5 ? '……' : ''}`,
      errors.map((p) => ({ field: p.field, message: describeProblem(p) })),
    )
  }
  job?.throwIfCancelled()
  const c = counts(rows)
  const now = office.now()
  const writes = rows.filter((r) => r.status !== 'unchanged')
  office.db.transaction(() => {
    writes.forEach((r, i) => {
      if (i % 500 === 0) job?.progress('写入评定结果', i, writes.length)
      const result: OfficeResult = {
        province: r.province,
        code: r.code,
        batch: r.batch,
        name: r.name,
        star: r.star,
        certificateNo: r.certificateNo,
        plaqueNo: r.plaqueNo,
        recordedAt: now,
        recordedBy: office.actor,
      }
      putOfficeResult(office.db, result)
    })
    appendAudit(
      office.db,
      {
        actor: office.actor,
        action: 'import-results',
        entity: 'site-result',
        entityId: null,
        summary: `从“${file.fileName}”（SHA-256 ${file.sha256}）导入评定结果：新记录 ${c.recorded} 条，修改 ${c.changed} 条，未变 ${c.unchanged} 条${read.warnings.length ? `；${read.warnings.length} 行的现场名称与全国名册不同，已按现场编号记录` : ''}`,
        details: {
          fileName: file.fileName,
          fileSha256: file.sha256,
          ...c,
          nameMismatches: read.warnings.map((w) => ({ row: w.row, site: `${w.province}:${w.code}`, workbookName: w.workbookName, registerName: w.registerName })),
          changes: rows.filter((r) => r.status === 'changed').map((r) => ({ site: `${r.province}:${r.code}`, batch: r.batch, before: r.previous, after: { star: r.star, certificateNo: r.certificateNo, plaqueNo: r.plaqueNo } })),
        },
      },
      now,
    )
  })()
  job?.progress('写入评定结果', writes.length, writes.length)
  return { fileName: file.fileName, fileSha256: file.sha256, total: read.total, ...c, errors: [], warnings: read.warnings, dryRun: false }
}
