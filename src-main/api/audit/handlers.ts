import { listAudit } from '../../services/audit/query'
import type { HandlersFor } from '../handler'
import type { auditOps } from './contract'

export const auditHandlers: HandlersFor<typeof auditOps> = {
  'audit.list': (input, { app }) => ({ entries: listAudit(app, input) }),
}
