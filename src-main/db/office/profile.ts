import type { Db } from '../connection'

export interface OfficeProfile {
  name: string
  shortName: string
  year: number
}

export function getOfficeProfile(db: Db): OfficeProfile | null {
  const row = db.prepare('SELECT name, short_name, year FROM office_profile WHERE id = 1').get() as
    | { name: string; short_name: string; year: number }
    | undefined
  return row ? { name: row.name, shortName: row.short_name, year: row.year } : null
}

export function saveOfficeProfile(db: Db, profile: OfficeProfile, now: string): void {
  db.prepare(
    `INSERT INTO office_profile (id, name, short_name, year, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, short_name = excluded.short_name, year = excluded.year,
       updated_at = excluded.updated_at`,
  ).run(profile.name, profile.shortName, profile.year, now, now)
}

/** The office's 发文代字 as set (office migration 4); null when it never was, and the short name stands in. */
export function getOfficeDocPrefix(db: Db): string | null {
  const row = db.prepare('SELECT doc_prefix FROM office_profile WHERE id = 1').get() as { doc_prefix: string | null } | undefined
  return row?.doc_prefix ?? null
}

export function saveOfficeDocPrefix(db: Db, prefix: string | null, now: string): void {
  db.prepare('UPDATE office_profile SET doc_prefix = ?, updated_at = ? WHERE id = 1').run(prefix, now)
}
