/** The bundles table (migration 005): one row per bundle built, newest first when listed. */
import type { Db } from '../connection'

export interface BundleRecord {
  id: number
  path: string
  size: number
  sha256: string
  sites: number
  files: number
  fingerprint: string
  createdAt: string
  createdBy: string
}

interface BundleRow {
  id: number
  path: string
  size: number
  sha256: string
  sites: number
  files: number
  fingerprint: string
  created_at: string
  created_by: string
}

const fromRow = (r: BundleRow): BundleRecord => ({
  id: r.id,
  path: r.path,
  size: r.size,
  sha256: r.sha256,
  sites: r.sites,
  files: r.files,
  fingerprint: r.fingerprint,
  createdAt: r.created_at,
  createdBy: r.created_by,
})

export function insertBundle(db: Db, b: Omit<BundleRecord, 'id'>): number {
  const info = db
    .prepare(
      `INSERT INTO bundles (path, size, sha256, sites, files, fingerprint, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(b.path, b.size, b.sha256, b.sites, b.files, b.fingerprint, b.createdAt, b.createdBy)
  return Number(info.lastInsertRowid)
}

export function listBundles(db: Db, limit: number): BundleRecord[] {
  return (db.prepare('SELECT * FROM bundles ORDER BY id DESC LIMIT ?').all(limit) as BundleRow[]).map(fromRow)
}
