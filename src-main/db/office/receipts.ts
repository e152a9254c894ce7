/** The office's 回执: one per received bundle, and the per-year counter that numbers them (office migration 4). */
import type { Db } from '../connection'

export interface ReceiptRecord {
  id: number
  bundleId: number
  year: number
  seq: number
  docNo: string
  /** 成文日期 (YYYY-MM-DD): kept with the number, so a regenerated receipt is the same receipt. */
  issuedOn: string
  filePath: string
  sha256: string
  generatedAt: string
  generatedBy: string
}

interface ReceiptRow {
  id: number
  bundle_id: number
  year: number
  seq: number
  doc_no: string
  issued_on: string
  file_path: string
  sha256: string
  generated_at: string
  generated_by: string
}

const toReceipt = (r: ReceiptRow): ReceiptRecord => ({
  id: r.id,
  bundleId: r.bundle_id,
  year: r.year,
  seq: r.seq,
  docNo: r.doc_no,
  issuedOn: r.issued_on,
  filePath: r.file_path,
  sha256: r.sha256,
  generatedAt: r.generated_at,
  generatedBy: r.generated_by,
})

export function receiptOfBundle(db: Db, bundleId: number): ReceiptRecord | null {
  const row = db.prepare('SELECT * FROM receipts WHERE bundle_id = ?').get(bundleId) as ReceiptRow | undefined
  return row ? toReceipt(row) : null
}

export function listReceipts(db: Db): ReceiptRecord[] {
  return (db.prepare('SELECT * FROM receipts ORDER BY year, seq').all() as ReceiptRow[]).map(toReceipt)
}

/** The number the next new receipt of `year` would take; only takeReceiptNumber consumes it. */
export function peekReceiptNumber(db: Db, year: number): number {
  const row = db.prepare('SELECT last_value FROM receipt_counters WHERE year = ?').get(year) as { last_value: number } | undefined
  return (row?.last_value ?? 0) + 1
}

export function takeReceiptNumber(db: Db, year: number): number {
  const row = db
    .prepare(
      `INSERT INTO receipt_counters (year, last_value) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`,
    )
    .get(year) as { last_value: number }
  return row.last_value
}

/** Record a bundle's receipt; a regenerated one replaces the row (with the number and date it kept). */
export function saveReceipt(db: Db, r: Omit<ReceiptRecord, 'id'>): ReceiptRecord {
  const row = db
    .prepare(
      `INSERT INTO receipts (bundle_id, year, seq, doc_no, issued_on, file_path, sha256, generated_at, generated_by)
       VALUES (@bundleId, @year, @seq, @docNo, @issuedOn, @filePath, @sha256, @generatedAt, @generatedBy)
       ON CONFLICT (bundle_id) DO UPDATE SET year = excluded.year, seq = excluded.seq, doc_no = excluded.doc_no,
         issued_on = excluded.issued_on, file_path = excluded.file_path, sha256 = excluded.sha256,
         generated_at = excluded.generated_at, generated_by = excluded.generated_by
       RETURNING *`,
    )
    .get(r) as ReceiptRow
  return toReceipt(row)
}

/** The province's bundle that `bundleId` superseded, if any: named in the receipt beside the diff. */
export function bundleSupersededBy(db: Db, bundleId: number): { id: number; originalName: string; receivedAt: string } | null {
  const row = db
    .prepare('SELECT id, original_name, received_at FROM received_bundles WHERE superseded_by = ? ORDER BY id DESC LIMIT 1')
    .get(bundleId) as { id: number; original_name: string; received_at: string } | undefined
  return row ? { id: row.id, originalName: row.original_name, receivedAt: row.received_at } : null
}
