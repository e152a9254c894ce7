import type { TrainingClass, TrainingValues } from '../../core/training/records'
import type { Db } from '../connection'

interface TrainingRow {
  id: number
  trainee: string
  work_unit: string
  certificate_no: string
  class: TrainingClass
  issued_on: string | null
  created_at: string
  updated_at: string
}

export interface TrainingRecord extends TrainingValues {
  id: number
  createdAt: string
  updatedAt: string
}

const fromRow = (r: TrainingRow): TrainingRecord => ({
  id: r.id,
  trainee: r.trainee,
  workUnit: r.work_unit,
  certificateNo: r.certificate_no,
  class: r.class,
  issuedOn: r.issued_on,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export function getTraining(db: Db, id: number): TrainingRecord | null {
  const row = db.prepare('SELECT * FROM training_records WHERE id = ?').get(id) as TrainingRow | undefined
  return row ? fromRow(row) : null
}

export function getTrainingByCertificate(db: Db, certificateNo: string): TrainingRecord | null {
  const row = db.prepare('SELECT * FROM training_records WHERE certificate_no = ?').get(certificateNo) as
    | TrainingRow
    | undefined
  return row ? fromRow(row) : null
}

/** Records for many certificate numbers in one statement (json_each: no parameter-count limit). */
export function trainingByCertificates(db: Db, certificateNos: string[]): Map<string, TrainingRecord> {
  const map = new Map<string, TrainingRecord>()
  if (!certificateNos.length) return map
  const rows = db
    .prepare('SELECT * FROM training_records WHERE certificate_no IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(certificateNos)) as TrainingRow[]
  for (const r of rows) map.set(r.certificate_no, fromRow(r))
  return map
}

/** All records, in the order they were entered (search compares keys, so it filters in the service). */
export function listTraining(db: Db): TrainingRecord[] {
  return (db.prepare('SELECT * FROM training_records ORDER BY id').all() as TrainingRow[]).map(fromRow)
}

export function insertTraining(db: Db, v: TrainingValues, now: string): number {
  const info = db
    .prepare(
      `INSERT INTO training_records (trainee, work_unit, certificate_no, class, issued_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(v.trainee, v.workUnit, v.certificateNo, v.class, v.issuedOn, now, now)
  return Number(info.lastInsertRowid)
}

export function updateTraining(db: Db, id: number, v: TrainingValues, now: string): void {
  db.prepare(
    `UPDATE training_records SET trainee = ?, work_unit = ?, certificate_no = ?, class = ?, issued_on = ?, updated_at = ?
     WHERE id = ?`,
  ).run(v.trainee, v.workUnit, v.certificateNo, v.class, v.issuedOn, now, id)
}

export function deleteTraining(db: Db, id: number): void {
  db.prepare('DELETE FROM training_records WHERE id = ?').run(id)
}

/** Certificate number and class of every record: the roster the checks and the import plan match against. */
export function listTrainingClasses(db: Db): { certificate_no: string; class: TrainingClass }[] {
  return db.prepare('SELECT certificate_no, class FROM training_records').all() as { certificate_no: string; class: TrainingClass }[]
}
