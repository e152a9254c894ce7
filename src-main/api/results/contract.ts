/**
 * Rating results (评定结果): import the national office's list, review the matches, apply them to the sites,
 * record the hand-over of certificates and plaques, export, and notify each 推荐单位.
 * Imported by the renderer: zod and pure values only.
 */
import { z } from 'zod'
import { defineOps, idSchema } from '../define'
import { rowProblemSchema } from '../roster/contract'

const pathSchema = z.string({ error: '请选择文件' }).min(1, '请选择文件').max(4096, '路径过长')
const outPathSchema = z.string().min(1).max(4096, '路径过长').optional()

import { RESULT_STATUSES } from '../vocabulary'
export { RESULT_STATUSES, RESULT_STATUS_LABELS, MATCH_METHOD_LABELS } from '../vocabulary'

export const siteBriefSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  enterprise: z.string(),
  recommender: z.string(),
  city: z.string(),
})

export const resultRowSchema = z.object({
  id: z.number(),
  siteId: z.number().nullable(),
  batch: z.string(),
  sourceFile: z.string(),
  sourceRow: z.number(),
  source: z.object({
    code: z.string(),
    name: z.string(),
    recommender: z.string(),
    enterprise: z.string(),
    type: z.string(),
    star: z.string(),
  }),
  awardedStar: z.number().nullable(),
  certificateNo: z.string(),
  plaqueNo: z.string(),
  outcome: z.enum(['rated', 'rejected']),
  outcomeText: z.string(),
  matchMethod: z.enum(['code', 'name', 'manual']).nullable(),
  status: z.enum(RESULT_STATUSES),
  reason: z.string(),
  importedAt: z.string(),
  confirmedAt: z.string().nullable(),
  site: siteBriefSchema.nullable(),
  candidates: z.array(siteBriefSchema),
})

export const siteResultSchema = z.object({
  siteId: z.number(),
  resultId: z.number(),
  outcome: z.enum(['rated', 'rejected']),
  outcomeText: z.string(),
  awardedStar: z.number().nullable(),
  certificateNo: z.string(),
  plaqueNo: z.string(),
  batch: z.string(),
  certificateReceivedOn: z.string().nullable(),
  plaqueReceivedOn: z.string().nullable(),
  handler: z.string(),
  updatedAt: z.string(),
  site: siteBriefSchema,
})

const dateText = z.string().max(50, '日期过长').nullable().optional()

export const resultsOps = defineOps({
  'results.import': {
    title: '导入评定结果',
    job: true,
    input: z
      .object({
        path: pathSchema,
        batch: z.string().max(50, '批次过长').optional(),
        skipErrors: z.boolean().default(false),
        // Read and match only: the counts and rows an import would give, with all problems; nothing written.
        dryRun: z.boolean().optional(),
      })
      .strict(),
    output: z.object({
      total: z.number(),
      imported: z.number(),
      matched: z.number(),
      review: z.number(),
      unmatched: z.number(),
      kept: z.number(),
      skipped: z.number(),
      errors: z.array(rowProblemSchema),
      fileSha256: z.string(),
      dryRun: z.boolean(),
      preview: z
        .array(
          z.object({
            row: z.number(),
            code: z.string(),
            name: z.string(),
            outcomeText: z.string(),
            status: z.enum(['matched', 'review', 'unmatched', 'kept']),
            siteId: z.number().nullable(),
            reason: z.string(),
          }),
        )
        .optional(),
    }),
  },
  'results.list': {
    title: '读取评定结果',
    input: z.object({}).strict(),
    output: z.object({ rows: z.array(resultRowSchema), sites: z.array(siteResultSchema) }),
  },
  'results.confirm': {
    title: '确认评定结果对应的现场',
    input: z.object({ id: idSchema, siteId: idSchema }).strict(),
    output: resultRowSchema.pick({ id: true, status: true, siteId: true }),
  },
  'results.reject': {
    title: '标记评定结果为未匹配',
    input: z.object({ id: idSchema }).strict(),
    output: resultRowSchema.pick({ id: true, status: true, siteId: true }),
  },
  'results.apply': {
    title: '应用评定结果',
    input: z.object({}).strict(),
    output: z.object({ applied: z.number() }),
  },
  'results.handover': {
    title: '登记证书标牌领取',
    input: z
      .object({
        siteId: idSchema,
        certificateReceivedOn: dateText,
        plaqueReceivedOn: dateText,
        handler: z.string().max(50, '经办人过长（最多 50 字）').nullable().optional(),
      })
      .strict(),
    output: siteResultSchema.omit({ site: true, outcomeText: true }),
  },
  'results.export': {
    title: '导出评定结果',
    input: z.object({ outPath: outPathSchema }).strict(),
    output: z.object({ path: z.string(), size: z.number(), sites: z.number() }),
  },
  'results.notify': {
    title: '生成评定结果通知函',
    job: true,
    input: z.object({ outDir: outPathSchema }).strict(),
    output: z.object({
      dir: z.string(),
      files: z.array(z.object({ recommender: z.string(), path: z.string(), sites: z.number(), docNo: z.string() })),
    }),
  },
})
