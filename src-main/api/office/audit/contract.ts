/** 操作日志 of the office's own database, filtered like the province's audit.list. */
import { z } from 'zod'
import { defineOps } from '../../define'
import { auditEntrySchema, auditQuerySchema } from '../../audit/contract'

export const officeAuditOps = defineOps({
  'office.audit.list': {
    title: '读取操作日志',
    input: auditQuerySchema,
    output: z.object({ entries: z.array(auditEntrySchema) }),
  },
})
