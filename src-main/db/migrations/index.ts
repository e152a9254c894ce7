/**
 * Numbered migrations. Each runs in its own transaction together with the row that records it, so a crash
 * leaves the database at the previous version, never between two.
 */
import { sql as v1 } from './001_init'
import { sql as v2 } from './002_registry'
import { sql as v3 } from './003_checks'
import { sql as v4 } from './004_letters'
import { sql as v5 } from './005_bundles'
import { sql as v6 } from './006_results'
import { sql as v7 } from './007_lean_indexes'
import { sql as v8 } from './008_deferred'
import { sql as v9 } from './009_notice_numbers'
import { sql as v10 } from './010_result_plaques'

export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'init', sql: v1 },
  { version: 2, name: 'registry', sql: v2 },
  { version: 3, name: 'checks', sql: v3 },
  { version: 4, name: 'letters', sql: v4 },
  { version: 5, name: 'bundles', sql: v5 },
  { version: 6, name: 'results', sql: v6 },
  { version: 7, name: 'lean-indexes', sql: v7 },
  { version: 8, name: 'deferred', sql: v8 },
  { version: 9, name: 'notice-numbers', sql: v9 },
  { version: 10, name: 'result-plaques', sql: v10 },
]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version
