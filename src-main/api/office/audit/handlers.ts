import { listOfficeAudit } from '../../../services/office/views'
import type { OfficeHandlersFor } from '../../handler'
import type { officeAuditOps } from './contract'

export const officeAuditHandlers: OfficeHandlersFor<typeof officeAuditOps> = {
  'office.audit.list': (input, { office }) => ({ entries: listOfficeAudit(office, input) }),
}
