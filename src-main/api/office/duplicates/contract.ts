/** 重复申报: suspected duplicate pairs within and across provinces, each resolvable. */
import { z } from 'zod'
import { defineOps } from '../../define'
import { siteRefSchema } from '../schemas'

export const DUPLICATE_REASONS = ['uscc-address', 'name-city', 'address'] as const

export const duplicateSideSchema = z.object({
  province: z.string(),
  code: z.string(),
  name: z.string(),
  city: z.string(),
  address: z.string(),
  uscc: z.string(),
})

export const duplicatePairSchema = z.object({
  /** Stable identity of the pair (省份:编号|省份:编号, sorted): the same after any re-send. */
  key: z.string(),
  a: duplicateSideSchema,
  b: duplicateSideSchema,
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
  reasonLabels: z.array(z.string()),
  resolution: z
    .object({ as: z.enum(['duplicate', 'distinct']), reason: z.string(), resolvedAt: z.string(), resolvedBy: z.string() })
    .nullable(),
})

export const officeDuplicatesOps = defineOps({
  'office.duplicates.list': {
    title: '读取疑似重复现场',
    input: z.object({}).strict(),
    output: z.object({ pairs: z.array(duplicatePairSchema) }),
  },
  'office.duplicates.resolve': {
    title: '处理疑似重复现场',
    input: z
      .object({
        a: siteRefSchema,
        b: siteRefSchema,
        as: z.enum(['duplicate', 'distinct'], { error: '处理结果应为 duplicate（确认为重复）或 distinct（确认不是重复）' }),
        // Required when confirming a duplicate.
        reason: z.string().max(500, '理由过长（最多 500 字）').optional(),
      })
      .strict()
      .refine((v) => v.as !== 'duplicate' || (v.reason ?? '').trim() !== '', { message: '确认为重复时请写明理由', path: ['reason'] }),
    output: duplicatePairSchema,
  },
})
