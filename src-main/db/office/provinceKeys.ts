import type { Db } from '../connection'

export interface ProvinceKey {
  id: number
  province: string
  /** Raw 32-byte Ed25519 key, base64; null when only the fingerprint was typed from paper. */
  publicKey: string | null
  fingerprint: string
  source: 'file' | 'fingerprint'
  registeredAt: string
  registeredBy: string
  supersededAt: string | null
}

interface KeyRow {
  id: number
  province: string
  public_key: string | null
  fingerprint: string
  source: 'file' | 'fingerprint'
  registered_at: string
  registered_by: string
  superseded_at: string | null
}

const toKey = (r: KeyRow): ProvinceKey => ({
  id: r.id,
  province: r.province,
  publicKey: r.public_key,
  fingerprint: r.fingerprint,
  source: r.source,
  registeredAt: r.registered_at,
  registeredBy: r.registered_by,
  supersededAt: r.superseded_at,
})

/** Every key ever registered, current ones first within a province, newest first. */
export function listProvinceKeys(db: Db, options: { includeHistory?: boolean } = {}): ProvinceKey[] {
  const where = options.includeHistory ? '' : 'WHERE superseded_at IS NULL'
  return (db.prepare(`SELECT * FROM province_keys ${where} ORDER BY province, superseded_at IS NOT NULL, id DESC`).all() as KeyRow[]).map(toKey)
}

export function currentKey(db: Db, province: string): ProvinceKey | null {
  const row = db.prepare('SELECT * FROM province_keys WHERE province = ? AND superseded_at IS NULL').get(province) as KeyRow | undefined
  return row ? toKey(row) : null
}

/** Keys (current or past) with this fingerprint; fingerprints are stored in their canonical spaced form. */
export function keysByFingerprint(db: Db, fingerprint: string): ProvinceKey[] {
  return (db.prepare('SELECT * FROM province_keys WHERE fingerprint = ? ORDER BY id DESC').all(fingerprint) as KeyRow[]).map(toKey)
}

export function insertProvinceKey(
  db: Db,
  key: { province: string; publicKey: string | null; fingerprint: string; source: 'file' | 'fingerprint'; registeredBy: string },
  now: string,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO province_keys (province, public_key, fingerprint, source, registered_at, registered_by)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(key.province, key.publicKey, key.fingerprint, key.source, now, key.registeredBy).lastInsertRowid,
  )
}

export function supersedeKey(db: Db, id: number, now: string): void {
  db.prepare('UPDATE province_keys SET superseded_at = ? WHERE id = ?').run(now, id)
}

export function fillPublicKey(db: Db, id: number, publicKey: string): void {
  db.prepare('UPDATE province_keys SET public_key = ?, source = ? WHERE id = ?').run(publicKey, 'file', id)
}
