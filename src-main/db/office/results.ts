import type { Db } from '../connection'

export interface OfficeResult {
  province: string
  code: string
  batch: string
  name: string
  star: number
  certificateNo: string
  plaqueNo: string
  recordedAt: string
  recordedBy: string
}

interface Row {
  province: string
  code: string
  batch: string
  name: string
  star: number
  certificate_no: string
  plaque_no: string
  recorded_at: string
  recorded_by: string
}

/** A later rating of the same site in the same batch replaces the earlier one. */
export function putOfficeResult(db: Db, r: OfficeResult): void {
  db.prepare(
    `INSERT INTO site_results (province, code, batch, name, star, certificate_no, plaque_no, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (province, code, batch) DO UPDATE SET name = excluded.name, star = excluded.star, certificate_no = excluded.certificate_no,
       plaque_no = excluded.plaque_no, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
  ).run(r.province, r.code, r.batch, r.name, r.star, r.certificateNo, r.plaqueNo, r.recordedAt, r.recordedBy)
}

export function officeResultsOf(db: Db, province: string): OfficeResult[] {
  return (db.prepare('SELECT * FROM site_results WHERE province = ? ORDER BY batch, code').all(province) as Row[]).map((r) => ({
    province: r.province,
    code: r.code,
    batch: r.batch,
    name: r.name,
    star: r.star,
    certificateNo: r.certificate_no,
    plaqueNo: r.plaque_no,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  }))
}

/** Every rating recorded, by province, batch and code. */
export function allOfficeResults(db: Db): OfficeResult[] {
  return (db.prepare('SELECT DISTINCT province FROM site_results ORDER BY province').all() as { province: string }[]).flatMap((r) => officeResultsOf(db, r.province))
}
