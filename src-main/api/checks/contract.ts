import { z } from 'zod'
import { RULE_IDS, SEVERITIES } from '../../core/checks/ids'
import { SITE_TYPES } from '../../core/sites/fields'
import { defineOps, idListSchema, idSchema } from '../define'

const severity = z.enum(SEVERITIES, { error: '级别应为 error 或 warning' })
const rule = z.enum(RULE_IDS, { error: '未知的审核规则' })

export const findingSchema = z.object({
  id: z.number(),
  siteId: z.number(),
  siteCode: z.string(),
  siteName: z.string(),
  siteType: z.string(),
  enterprise: z.string(),
  rule,
  severity,
  target: z.string().nullable(),
  message: z.string(),
  fingerprint: z.string(),
  foundAt: z.string(),
  waived: z.boolean(),
  waiverReason: z.string().nullable(),
  waivedBy: z.string().nullable(),
  waivedAt: z.string().nullable(),
})

export const checkRunSchema = z.object({
  runId: z.number(),
  sites: z.number(),
  errors: z.number(),
  warnings: z.number(),
  waived: z.number(),
})

export const checkSummarySchema = z.object({
  sites: z.number(),
  lastRunAt: z.string().nullable(),
  errors: z.number(),
  warnings: z.number(),
  waived: z.number(),
  sitesWithErrors: z.number(),
  sitesWithWarnings: z.number(),
  byRule: z.array(
    z.object({ rule, label: z.string(), severity, open: z.number(), waived: z.number(), sites: z.number() }),
  ),
})

export const blockingSiteSchema = z.object({
  siteId: z.number(),
  siteCode: z.string(),
  siteName: z.string(),
  reasons: z.array(z.object({ rule, message: z.string() })),
})

export const checksOps = defineOps({
  'checks.run': {
    title: '审核',
    job: true,
    input: z.object({ siteIds: idListSchema.optional(), deep: z.boolean().optional() }).strict(),
    output: checkRunSchema,
  },
  'checks.findings': {
    title: '读取审核问题',
    input: z
      .object({
        severity: severity.optional(),
        rule: rule.optional(),
        siteId: idSchema.optional(),
        type: z.enum(SITE_TYPES, { error: '无效的现场类型' }).optional(),
        enterprise: z.string().max(100).optional(),
        includeWaived: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ findings: z.array(findingSchema) }),
  },
  'checks.waive': {
    title: '豁免警告',
    input: z
      .object({ findingId: idSchema, reason: z.string({ error: '请填写豁免原因' }).max(2000, '豁免原因过长') })
      .strict(),
    output: findingSchema,
  },
  'checks.unwaive': { title: '撤销豁免', input: z.object({ findingId: idSchema }).strict(), output: findingSchema },
  'checks.summary': { title: '审核概况', input: z.object({}).strict(), output: checkSummarySchema },
  'checks.blocking': {
    title: '未通过审核的现场',
    input: z.object({ siteIds: idListSchema.optional() }).strict(),
    output: z.object({ sites: z.array(blockingSiteSchema) }),
  },
  'checks.exportReport': {
    title: '导出审核报告',
    job: true,
    input: z.object({ outPath: z.string().min(1).max(4096).optional() }).strict(),
    output: z.object({ path: z.string() }),
  },
})
