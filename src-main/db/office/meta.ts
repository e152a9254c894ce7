import type { Db } from '../connection'

/** Small settings of the office kept in office_meta (key/value), so they need no migration of their own. */
export function getOfficeMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM office_meta WHERE key = ?').get(key) as { value: string } | undefined
  return row?.value ?? null
}

export function setOfficeMeta(db: Db, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM office_meta WHERE key = ?').run(key)
  else db.prepare('INSERT INTO office_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
}
