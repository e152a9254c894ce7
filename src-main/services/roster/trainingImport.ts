/**
 * 'training.importRoster': a 培训合格名单 workbook into training_records, upserted by certificate number, with
 * the same file safety and row/column problem reporting as the site roster. Rows are saved with the training
 * service's own saveTrainingRecord (same reader, same uniqueness rule, same audit wording as the form) inside
 * one transaction, so the file imports whole or not at all.
 */
import { AppError, invalid } from '../../core/errors'
import { cellText, type PlainCell } from '../../core/roster/cellValue'
import { columnLetter } from '../../core/roster/letters'
import { describeProblem, type RowProblem } from '../../core/roster/problems'
import { TRAINING_COLUMNS, trainingLabel, type TrainingField } from '../../core/roster/trainingColumns'
import { normalizeCertificateNo, readTrainingDraft, type TrainingDraft, type TrainingValues } from '../../core/training/records'
import { appendAudit } from '../../db/repositories/audit'
import { trainingByCertificates } from '../../db/repositories/training'
import type { AppContext } from '../context'
import { runChecksSync } from '../checks/engine'
import type { JobHandle } from '../jobs'
import { saveTrainingRecord } from '../training/training'
import { readSheetTable } from './sheetTable'
import { loadWorkbook, readWorkbookFile } from './workbookFile'

export interface TrainingImportResult {
  created: number
  updated: number
  unchanged: number
  skipped: number
  errors: RowProblem[]
  total: number
  fileSha256: string
}

function draftOf(cells: Partial<Record<TrainingField, PlainCell>>): TrainingDraft {
  const draft: TrainingDraft = {}
  for (const [field, value] of Object.entries(cells) as [TrainingField, PlainCell][]) {
    if (field === 'issuedOn')
      draft.issuedOn =
        typeof value === 'number' && Number.isInteger(value) && value >= 19000101 && value <= 21001231 ? String(value) : value
    else draft[field] = cellText(value)
  }
  return draft
}

const same = (a: TrainingValues, b: TrainingValues) =>
  a.trainee === b.trainee && a.workUnit === b.workUnit && a.class === b.class && (a.issuedOn ?? null) === (b.issuedOn ?? null)

export async function importTrainingRoster(
  app: AppContext,
  input: { path: string; validOnly?: boolean },
  job?: JobHandle,
): Promise<TrainingImportResult> {
  const file = readWorkbookFile(input.path)
  job?.progress('打开工作簿', 0, 1)
  const workbook = await loadWorkbook(file)
  job?.throwIfCancelled()
  const table = await readSheetTable(workbook, file.fileName, TRAINING_COLUMNS, [], job)
  const letter = (field: string) => {
    const col = table.header.columns.get(field as TrainingField)
    return col === undefined ? '' : columnLetter(col)
  }

  const errors: RowProblem[] = []
  const valid: { row: number; values: TrainingValues }[] = []
  const firstRow = new Map<string, number>()
  for (const raw of table.rows) {
    const { values, problems } = readTrainingDraft(draftOf(raw.cells))
    const rowProblems: RowProblem[] = problems.map((p) => ({
      row: raw.row,
      column: letter(p.field),
      field: p.field,
      label: trainingLabel(p.field),
      kind: 'error',
      message: p.message,
    }))
    const cert = normalizeCertificateNo(cellText(raw.cells.certificateNo ?? null))
    if (cert) {
      const first = firstRow.get(cert)
      if (first !== undefined)
        rowProblems.push({
          row: raw.row,
          column: letter('certificateNo'),
          field: 'certificateNo',
          label: trainingLabel('certificateNo'),
          kind: 'error',
          message: `与第 ${first} 行的证书编号相同（重复行），同一证书编号只能出现一次`,
        })
      else firstRow.set(cert, raw.row)
    }
    if (rowProblems.length) errors.push(...rowProblems)
    else valid.push({ row: raw.row, values: values! })
  }
  if (!table.rows.length) throw new AppError('invalid-input', `“${file.fileName}”的表头下没有数据行，没有可导入的培训记录`)
  const skipped = table.rows.length - valid.length
  if (skipped && !input.validOnly) {
    throw invalid(
      `共 ${table.rows.length} 行，其中 ${skipped} 行有错误无法导入，本次未导入任何数据。请修正后重新导入，或选择只导入无错误的行。${errors.slice(0, 5).map(describeProblem).join('；')}${errors.length > 5 ? '……' : ''}`,
      errors.map((p) => ({ field: p.field, message: describeProblem(p) })),
    )
  }
  job?.throwIfCancelled()

  const existing = trainingByCertificates(app.db, valid.map((v) => v.values.certificateNo))
  let created = 0
  let updated = 0
  let unchanged = 0
  const now = app.now()
  app.db.transaction(() => {
    valid.forEach(({ values }, i) => {
      if (i % 500 === 0) {
        job?.throwIfCancelled()
        job?.progress('写入培训记录', i, valid.length)
      }
      const before = existing.get(values.certificateNo)
      if (before && same(before, values)) {
        unchanged++
        return
      }
      saveTrainingRecord(app, { ...values, id: before?.id })
      if (before) updated++
      else created++
    })
    appendAudit(
      app.db,
      {
        actor: app.actor,
        action: 'import',
        entity: 'training',
        entityId: null,
        summary: `导入培训合格名单“${file.fileName}”：新增 ${created}，更新 ${updated}，未变 ${unchanged}，跳过 ${skipped}`,
        details: { fileName: file.fileName, fileSha256: file.sha256, created, updated, unchanged, skipped },
      },
      now,
    )
  })()
  // Certificate findings of every site depend on the roster: re-judge them when it changed.
  if (created || updated) runChecksSync(app)
  return { created, updated, unchanged, skipped, errors, total: table.rows.length, fileSha256: file.sha256 }
}
