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
  if (q.entity) (where.push('entity = @entity'), (params.entity = q.entity))
  if (q.entityId) (where.push('entity_id = @entityId'), (params.entityId = q.entityId))
  if (q.action) (where.push('action = @action'), (params.action = q.action))
  if (q.text) (where.push("summary LIKE @text ESCAPE '\\'"), (params.text = `%${q.text.replace(/[\\%_]/g, '\\$&')}%`))
  if (q.beforeId) (where.push('id < @beforeId'), (params.beforeId = q.beforeId))
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

/** appendAudit for many entries (an import): the statement is prepared once instead of once per entry. */
export function auditAppender(db: Db): (entry: AuditEntryInput, now: string) => void {
  const stmt = db.prepare(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, details_json) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  return (entry, now) =>
    stmt.run(
      now,
      entry.actor,
      entry.action,
      entry.entity,
      entry.entityId == null ? null : String(entry.entityId),
      entry.summary,
      entry.details === undefined ? null : JSON.stringify(entry.details),
    )
}
