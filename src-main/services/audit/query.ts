import { queryAudit, type AuditEntry, type AuditQuery } from '../../db/repositories/audit'
import type { AppContext } from '../context'

/** The audit log as the window's 操作记录 lists it: newest first, filtered as asked. */
export function listAudit(app: AppContext, query: AuditQuery): AuditEntry[] {
  return queryAudit(app.db, query)
}
