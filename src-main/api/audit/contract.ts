import { z } from 'zod'
import { defineOps } from '../define'

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  details: z.unknown(),
})

/** The filter of a 操作日志 query, the province's and the office's alike. */
export const auditQuerySchema = z
  .object({
    entity: z.string().max(50).optional(),
    entityId: z.string().max(50).optional(),
    action: z.string().max(50).optional(),
    text: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(5000).default(200),
    beforeId: z.number().int().positive().optional(),
  })
  .strict()

export const auditOps = defineOps({
  'audit.list': {
    title: '读取操作日志',
    input: auditQuerySchema,
    output: z.object({ entries: z.array(auditEntrySchema) }),
  },
})
