/** 操作日志 of the office's own database, filtered like the province's audit.list. */
import { z } from 'zod'
import { defineOps } from '../../define'
import { auditEntrySchema } from '../../audit/contract'

export const officeAuditOps = defineOps({
  'office.audit.list': {
    title: '读取操作日志',
    input: z
      .object({
        entity: z.string().max(50).optional(),
        entityId: z.string().max(50).optional(),
        action: z.string().max(50).optional(),
        text: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(5000).default(200),
        beforeId: z.number().int().positive().optional(),
      })
      .strict(),
    output: z.object({ entries: z.array(auditEntrySchema) }),
  },
})
