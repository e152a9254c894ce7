import { queryAudit } from '../../db/repositories/audit'
import type { HandlersFor } from '../handler'
import type { auditOps } from './contract'

export const auditHandlers: HandlersFor<typeof auditOps> = {
  'audit.list': (input, { app }) => ({ entries: queryAudit(app.db, input) }),
}
