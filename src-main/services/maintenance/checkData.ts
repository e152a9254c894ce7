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
  const tables = (
    app.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string
    }[]
  ).map((t) => t.name)
  const total = tables.length + 1
  job.progress('integrity', 0, total)
  const result = app.db.pragma('integrity_check') as { integrity_check: string }[]
  const databaseProblems = result.map((r) => r.integrity_check).filter((m) => m !== 'ok')
  const counts: { name: string; rows: number }[] = []
  for (const [i, name] of tables.entries()) {
    await yieldToEventLoop()
    job.throwIfCancelled()
    const { n } = app.db.prepare(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }
    counts.push({ name, rows: n })
    job.progress('tables', i + 2, total)
  }
  return { ok: databaseProblems.length === 0, databaseProblems, tables: counts }
}
