import { z } from 'zod'
import { SITE_STATUSES, SITE_TYPES } from '../../core/sites/fields'
import { defineOps, idListSchema, idSchema } from '../define'
import { attachmentSummarySchema } from '../attachments/contract'
import { auditEntrySchema } from '../audit/contract'

/** A form or roster value before it is read: text, a number, or empty. The domain reader decides. */
const loose = (max = 5000) =>
  z
    .union([z.string().max(max, `内容过长（最多 ${max} 字）`), z.number(), z.null()], { error: '应为文字或数字' })
    .optional()

export const siteDraftSchema = z
  .object({
    name: loose(500),
    type: loose(100),
    enterprise: loose(500),
    recommender: loose(500),
    uscc: loose(100),
    city: loose(100),
    district: loose(100),
    address: loose(500),
    starLevel: loose(50),
    manager: loose(100),
    phone: loose(100),
    email: loose(200),
    staffCount: loose(50),
    areaSqm: loose(50),
    seats: loose(50),
    certificates: z.union([loose(5000), z.array(z.string().max(100)).max(200)]).optional(),
    highlights: loose(10_000),
    applyDate: loose(50),
    remarks: loose(10_000),
  })
  .strict()

export const siteSchema = z.object({
  id: z.number(),
  code: z.string(),
  campaignId: z.number(),
  name: z.string(),
  type: z.enum(SITE_TYPES),
  enterprise: z.string(),
  recommender: z.string(),
  uscc: z.string(),
  city: z.string(),
  district: z.string(),
  address: z.string(),
  starLevel: z.number(),
  manager: z.string(),
  phone: z.string(),
  email: z.string(),
  staffCount: z.number().nullable(),
  areaSqm: z.number().nullable(),
  seats: z.number().nullable(),
  certificates: z.array(z.string()),
  highlights: z.string(),
  applyDate: z.string(),
  remarks: z.string(),
  status: z.enum(SITE_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
})

const countSchema = z.object({ count: z.number() })

export const openErrorSchema = z.object({ rule: z.string(), message: z.string() })

export const deferredSiteSchema = z.object({
  siteId: z.number(),
  code: z.string(),
  name: z.string(),
  reason: z.string(),
  previousStatus: z.enum(SITE_STATUSES),
  deferredAt: z.string(),
  deferredBy: z.string(),
  /** Open error-level findings it still has (a deferred site keeps its findings). */
  errors: z.array(openErrorSchema),
})

/** A listed site's open findings (waived warnings excluded), as the registry's 审核 column shows them. */
export const siteCheckCountsSchema = z.object({ errors: z.number(), warnings: z.number() })

/** A row of the registry table: the columns it shows, searches, filters and sorts by, and the open findings. */
export const siteRowSchema = siteSchema
  .pick({ id: true, code: true, name: true, type: true, enterprise: true, recommender: true, city: true, district: true, address: true, starLevel: true, status: true })
  .extend({ checks: siteCheckCountsSchema })

export const sitesOps = defineOps({
  'sites.list': {
    title: '读取现场列表',
    input: z
      .object({
        deleted: z.boolean().optional(),
        // Off by default: the plain list is what the UI asks for on every keystroke and must stay fast.
        withAttachments: z.boolean().optional(),
      })
      .strict(),
    output: z.object({
      sites: z.array(siteSchema.extend({ checks: siteCheckCountsSchema, attachments: z.array(attachmentSummarySchema).optional() })),
    }),
  },
  'sites.rows': {
    title: '读取现场列表（表格）',
    // The registry's table and search need a third of each record: the first screen waits for this answer.
    // The whole record of one site is `sites.get`; of all, `sites.list`.
    input: z.object({ deleted: z.boolean().optional() }).strict(),
    output: z.object({ sites: z.array(siteRowSchema) }),
  },
  'sites.history': {
    title: '读取现场的操作记录',
    input: z.object({ siteId: idSchema }).strict(),
    output: z.object({ entries: z.array(auditEntrySchema) }),
  },
  'sites.get': { title: '读取现场', input: z.object({ id: idSchema }).strict(), output: siteSchema },
  'sites.create': { title: '新建现场', input: z.object({ site: siteDraftSchema }).strict(), output: siteSchema },
  'sites.update': {
    title: '修改现场',
    input: z.object({ id: idSchema, site: siteDraftSchema }).strict(),
    output: siteSchema,
  },
  'sites.setStatus': {
    title: '修改状态',
    input: z
      .object({
        ids: idListSchema,
        status: z.enum(SITE_STATUSES, { error: '无效的状态' }),
        // Required for 暂缓报送 (the service says so in Chinese); recorded in the audit log for any status.
        reason: z.string().max(500, '原因过长（最多 500 字）').optional(),
      })
      .strict(),
    output: countSchema,
  },
  'sites.resume': {
    title: '恢复报送',
    input: z.object({ ids: idListSchema }).strict(),
    output: countSchema,
  },
  'sites.deferrals': {
    title: '读取暂缓报送的现场',
    input: z.object({}).strict(),
    output: z.object({ sites: z.array(deferredSiteSchema) }),
  },
  'sites.remove': { title: '删除现场', input: z.object({ ids: idListSchema }).strict(), output: countSchema },
  'sites.restore': { title: '恢复现场', input: z.object({ ids: idListSchema }).strict(), output: countSchema },
})
