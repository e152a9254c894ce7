import { countRows, integrityProblems, listTables } from '../../db/maintenance'
import type { AppContext } from '../context'
import type { JobHandle } from '../jobs'

/** Lets a cancel request (IPC, HTTP, another dispatch) run between units of work. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * SQLite's own integrity check, then row counts per table: a quick "is my data whole?" for the clerk.
 * Async and yielding between tables: a fully synchronous job could never see the cancel button, because the
 * `jobs.cancel` call can only arrive once the event loop is free again.
 */
export async function checkData(app: AppContext, job: JobHandle) {
  const tables = listTables(app.db)
  const total = tables.length + 1
  job.progress('integrity', 0, total)
  const databaseProblems = integrityProblems(app.db)
  const counts: { name: string; rows: number }[] = []
  for (const [i, name] of tables.entries()) {
    await yieldToEventLoop()
    job.throwIfCancelled()
    counts.push({ name, rows: countRows(app.db, name) })
    job.progress('tables', i + 2, total)
  }
  return { ok: databaseProblems.length === 0, databaseProblems, tables: counts }
}
