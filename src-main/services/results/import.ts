/**
 * 'results.import': the national office's published results (评定结果) into `results`, each row matched to
 * our sites (core/results/match). The workbook passes the roster's safety checks and header recognition;
 * problems are reported by row and column; rows with errors stop the import unless the user asks to skip
 * them. All rows are written in one transaction: the file imports whole or not at all.
 */
import { AppError, invalid } from '../../core/errors'
import { cellText, type PlainCell } from '../../core/roster/cellValue'
import { columnLetter } from '../../core/roster/letters'
import { describeProblem, type RowProblem } from '../../core/roster/problems'
import { OUTCOME_LABEL, parseOutcome, RESULT_COLUMNS, RESULT_FIELD_LABELS, type Outcome, type ResultField } from '../../core/results/columns'
import { codeKey, SiteIndex, type MatchOutcome } from '../../core/results/match'
import { STAR_LABELS } from '../../core/sites/fields'
import { parseSiteType } from '../../core/sites/normalize'
import { cleanProse, cleanText, nameKey } from '../../core/text'
import { appendAudit } from '../../db/repositories/audit'
import { findResultByKey, putResult, type ResultSource } from '../../db/repositories/results'
import type { AppContext } from '../context'
import type { JobHandle } from '../jobs'
import { readSheetTable } from '../roster/sheetTable'
import { loadWorkbook, readWorkbookFile } from '../roster/workbookFile'
import { requireSetup } from '../settings/association'

export interface ResultImportSummary {
  total: number
  imported: number
  matched: number
  review: number
  unmatched: number
  /** Rows already confirmed earlier: kept as they are. */
  kept: number
  skipped: number
  errors: RowProblem[]
  fileSha256: string
  /** Nothing was written: what an import would do (`preview`, one entry per readable row). */
  dryRun: boolean
  preview?: ResultPreviewRow[]
}

export interface ResultPreviewRow {
  row: number
  code: string
  name: string
  outcomeText: string
  /** 'kept' when the row was already confirmed and an import would leave it as it is. */
  status: 'matched' | 'review' | 'unmatched' | 'kept'
  siteId: number | null
  reason: string
}

interface ReadRow {
  raw: { row: number }
  source: ResultSource
  outcome: Outcome
  batch: string
  rowKey: string
  match: MatchOutcome
  certificateNo: string
  plaqueNo: string
}

const text = (cells: Partial<Record<ResultField, PlainCell>>, field: ResultField) => cleanText(cellText(cells[field] ?? null))
/** Names as the results file has them (shown for review); matching goes by their keys. */
const prose = (cells: Partial<Record<ResultField, PlainCell>>, field: ResultField) => cleanProse(cellText(cells[field] ?? null))

export async function importResults(
  app: AppContext,
  input: { path: string; batch?: string; skipErrors?: boolean; dryRun?: boolean },
  job?: JobHandle,
): Promise<ResultImportSummary> {
  const { campaign } = requireSetup(app)
  const file = readWorkbookFile(input.path)
  job?.progress('打开工作簿', 0, 1)
  const workbook = await loadWorkbook(file)
  job?.throwIfCancelled()
  const table = await readSheetTable(workbook, file.fileName, RESULT_COLUMNS, ['batch'], job)
  if (!table.rows.length) throw new AppError('invalid-input', `“${file.fileName}”的表头下没有数据行，没有可导入的评定结果`)
  const letter = (field: ResultField) => {
    const col = table.header.columns.get(field)
    return col === undefined ? '' : columnLetter(col)
  }
  const problem = (row: number, field: ResultField, message: string): RowProblem => ({
    row,
    column: letter(field),
    field,
    label: RESULT_FIELD_LABELS[field],
    kind: 'error',
    message,
  })

  const offered = new Set(campaign.config.starLevels)
  const defaultBatch = cleanText(input.batch)
  const errors: RowProblem[] = []
  const index = new SiteIndex(app.sites.list(campaign.id))
  const rows: ReadRow[] = []
  const seen = new Map<string, number>()
  for (const raw of table.rows) {
    const source: ResultSource = {
      code: text(raw.cells, 'code'),
      name: prose(raw.cells, 'name'),
      recommender: prose(raw.cells, 'recommender'),
      enterprise: prose(raw.cells, 'enterprise'),
      type: text(raw.cells, 'type'),
      star: text(raw.cells, 'star'),
    }
    const found: RowProblem[] = []
    if (!source.name) found.push(problem(raw.row, 'name', '现场名称不能为空'))
    const outcome = parseOutcome(raw.cells.star ?? null)
    if (!source.star) found.push(problem(raw.row, 'star', '星级不能为空（未通过的现场请填“未通过”）'))
    else if (!outcome) found.push(problem(raw.row, 'star', `无法识别的星级“${source.star}”，应写成 四星级、★★★★、4 或 未通过`))
    else if (outcome.outcome === 'rated' && !offered.has(outcome.star))
      found.push(problem(raw.row, 'star', `${outcome.star} 星级不在本年度可评定的星级之内`))
    const type = source.type ? parseSiteType(source.type) : null
    if (source.type && !type) found.push(problem(raw.row, 'type', `无法识别的现场类型“${source.type}”`))
    const batch = text(raw.cells, 'batch') || defaultBatch
    const rowKey = source.code ? `code:${codeKey(source.code)}` : `name:${nameKey(source.name)}|${nameKey(source.recommender || source.enterprise)}`
    const first = seen.get(`${batch}\n${rowKey}`)
    if (first !== undefined) found.push(problem(raw.row, source.code ? 'code' : 'name', `与第 ${first} 行是同一个现场（重复行）`))
    else seen.set(`${batch}\n${rowKey}`, raw.row)
    if (found.length || !outcome) {
      errors.push(...found)
      continue
    }
    const match = index.match({ code: source.code, name: source.name, organisation: source.recommender || source.enterprise, type })
    rows.push({
      raw,
      source,
      outcome,
      batch,
      rowKey,
      match,
      certificateNo: text(raw.cells, 'certificateNo').toUpperCase(),
      plaqueNo: text(raw.cells, 'plaqueNo').toUpperCase(),
    })
  }
  const skipped = table.rows.length - rows.length
  if (input.dryRun) return dryRunSummary(app, campaign.id, rows, table.rows.length, errors, file.sha256)
  if (skipped && !input.skipErrors) {
    throw invalid(
      `共 ${table.rows.length} 行，其中 ${skipped} 行有错误，本次未导入任何结果。请修正后重新导入，或选择跳过有错误的行。${errors.slice(0, 5).map(describeProblem).join('；')}${errors.length > 5 ? '……' : ''}`,
      errors.map((p) => ({ field: p.field, message: describeProblem(p) })),
    )
  }
  job?.throwIfCancelled()

  const counts = { matched: 0, review: 0, unmatched: 0, kept: 0 }
  const now = app.now()
  app.db.transaction(() => {
    rows.forEach((r, i) => {
      if (i % 200 === 0) job?.progress('写入评定结果', i, rows.length)
      const existing = findResultByKey(app.db, campaign.id, r.batch, r.rowKey)
      if (existing?.status === 'confirmed') {
        counts.kept++
        return
      }
      counts[r.match.status]++
      putResult(
        app.db,
        {
          campaignId: campaign.id,
          siteId: r.match.status === 'matched' ? r.match.siteId : null,
          batch: r.batch,
          rowKey: r.rowKey,
          sourceFile: file.fileName,
          sourceRow: r.raw.row,
          source: r.source,
          awardedStar: r.outcome.star,
          certificateNo: r.certificateNo,
          plaqueNo: r.plaqueNo,
          outcome: r.outcome.outcome,
          matchMethod: r.match.status === 'matched' ? r.match.method : null,
          status: r.match.status,
          candidates: r.match.candidates,
          reason: r.match.reason,
          importedAt: now,
        },
        existing?.id ?? null,
      )
    })
    appendAudit(
      app.db,
      {
        actor: app.actor,
        action: 'import',
        entity: 'results',
        entityId: null,
        summary: `导入评定结果“${file.fileName}”：已匹配 ${counts.matched}，待确认 ${counts.review}，未匹配 ${counts.unmatched}，保留已确认 ${counts.kept}，跳过 ${skipped}`,
        details: { fileName: file.fileName, fileSha256: file.sha256, ...counts, skipped },
      },
      now,
    )
  })()
  job?.progress('写入评定结果', rows.length, rows.length)
  return {
    total: table.rows.length,
    imported: rows.length - counts.kept,
    ...counts,
    skipped,
    errors,
    fileSha256: file.sha256,
    dryRun: false,
  }
}

/** --dry-run: the counts and per-row matches an import would give, with every problem; nothing written. */
function dryRunSummary(app: AppContext, campaignId: number, rows: ReadRow[], total: number, errors: RowProblem[], fileSha256: string): ResultImportSummary {
  const counts = { matched: 0, review: 0, unmatched: 0, kept: 0 }
  const preview: ResultPreviewRow[] = rows.map((r) => {
    const kept = findResultByKey(app.db, campaignId, r.batch, r.rowKey)?.status === 'confirmed'
    const status = kept ? 'kept' : r.match.status
    counts[status]++
    return {
      row: r.raw.row,
      code: r.source.code,
      name: r.source.name,
      outcomeText: OUTCOME_LABEL(r.outcome, STAR_LABELS),
      status,
      siteId: r.match.status === 'matched' ? r.match.siteId : null,
      reason: r.match.reason,
    }
  })
  return { total, imported: rows.length - counts.kept, ...counts, skipped: total - rows.length, errors, fileSha256, dryRun: true, preview }
}
