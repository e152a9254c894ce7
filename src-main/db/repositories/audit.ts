import type { Statement } from 'better-sqlite3'
import type { Db } from '../connection'

export interface AuditEntryInput {
  actor: string
  action: string
  entity: string
  entityId?: string | number | null
  summary: string
  details?: unknown
}

export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: string
  entity: string
  entityId: string | null
  summary: string
  details: unknown
}

interface AuditRow {
  id: number
  at: string
  actor: string
  action: string
  entity: string
  entity_id: string | null
  summary: string
  details_json: string | null
}

export function appendAudit(db: Db, entry: AuditEntryInput, now: string): void {
  db.prepare(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, details_json)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    now,
    entry.actor,
    entry.action,
    entry.entity,
    entry.entityId == null ? null : String(entry.entityId),
    entry.summary,
    entry.details === undefined ? null : JSON.stringify(entry.details),
  )
}

export interface AuditQuery {
  entity?: string
  entityId?: string
  action?: string
  text?: string
  limit: number
  beforeId?: number
}

export function queryAudit(db: Db, q: AuditQuery): AuditEntry[] {
  const where: string[] = []
  const params: Record<string, unknown> = { limit: q.limit }
  if (q.entity) {
    where.push('entity = @entity')
    params.entity = q.entity
  }
  if (q.entityId) {
    where.push('entity_id = @entityId')
    params.entityId = q.entityId
  }
  if (q.action) {
    where.push('action = @action')
    params.action = q.action
  }
  if (q.text) {
    where.push("summary LIKE @text ESCAPE '\\'")
    params.text = `%${q.text.replace(/[\\%_]/g, '\\$&')}%`
  }
  if (q.beforeId) {
    where.push('id < @beforeId')
    params.beforeId = q.beforeId
  }
  const rows = db
    .prepare(
      `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT @limit`,
    )
    .all(params) as AuditRow[]
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    summary: r.summary,
    details: r.details_json ? JSON.parse(r.details_json) : null,
  }))
}

/** Entries per multi-row INSERT of appendAuditMany (7 parameters each). */
const AUDIT_BATCH = 100

/**
 * appendAudit for many entries (an import writes one per site): AUDIT_BATCH rows per statement, in the order
 * given, so ids ascend in that order exactly as with one INSERT each. Call inside the caller's transaction.
 */
export function appendAuditMany(db: Db, entries: AuditEntryInput[], now: string): void {
  const statements = new Map<number, Statement>()
  const statement = (rows: number) => {
    let stmt = statements.get(rows)
    if (!stmt) {
      stmt = db.prepare(
        `INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, details_json)
         VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      )
      statements.set(rows, stmt)
    }
    return stmt
  }
  for (let start = 0; start < entries.length; start += AUDIT_BATCH) {
    const slice = entries.slice(start, start + AUDIT_BATCH)
    const params: unknown[] = []
    for (const e of slice)
      params.push(now, e.actor, e.action, e.entity, e.entityId == null ? null : String(e.entityId), e.summary, e.details === undefined ? null : JSON.stringify(e.details))
    statement(slice.length).run(params)
  }
}
