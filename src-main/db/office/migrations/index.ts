/** The office database's own numbered migrations, run by the same runner as the province's (db/connection). */
import type { Migration } from '../../migrations'
import { sql as v1 } from './001_office_init'
import { sql as v2 } from './002_office_duplicates'
import { sql as v3 } from './003_office_results'
import { sql as v4 } from './004_office_receipts'

export const OFFICE_MIGRATIONS: Migration[] = [
  { version: 1, name: 'office-init', sql: v1 },
  { version: 2, name: 'office-duplicates', sql: v2 },
  { version: 3, name: 'office-results', sql: v3 },
  { version: 4, name: 'office-receipts', sql: v4 },
]
