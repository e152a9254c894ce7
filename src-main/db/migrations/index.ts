/**
 * Numbered migrations. Each runs in its own transaction together with the row that records it, so a crash
 * leaves the database at the previous version, never between two.
 */
import { sql as v1 } from './001_init'

export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: Migration[] = [{ version: 1, name: 'init', sql: v1 }]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version
