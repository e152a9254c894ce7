/** 评定结果: the office's ratings per site and batch, exported per province in the format a province imports. */
import { z } from 'zod'
import { defineOps } from '../../define'
import { rowProblemSchema } from '../../roster/contract'
import { filePathSchema, outPathSchema, provinceSchema, siteRefSchema } from '../schemas'

export const officeResultSchema = z.object({
  province: z.string(),
  code: z.string(),
  /** The name as rated (kept should the province later withdraw the site). */
  name: z.string(),
  batch: z.string(),
  star: z.number(),
  starLabel: z.string(),
  certificateNo: z.string(),
  plaqueNo: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  /** The site is in the current register (false once its province withdrew it). */
  inRegister: z.boolean(),
})

const ratingSchema = z.object({ star: z.number(), starLabel: z.string(), certificateNo: z.string(), plaqueNo: z.string() })

/** One rating a workbook holds, matched to its register site; `previous` is the one it replaces (same batch). */
export const resultImportRowSchema = ratingSchema.extend({
  row: z.number(),
  province: z.string(),
  code: z.string(),
  name: z.string(),
  batch: z.string(),
  status: z.enum(['new', 'changed', 'unchanged']),
  previous: ratingSchema.nullable(),
})

/** A row whose 现场名称 differs from the register's for its code (compared without 全角/半角 or spaces): recorded all the same. */
export const resultImportWarningSchema = rowProblemSchema.extend({
  kind: z.literal('warning'),
  province: z.string(),
  code: z.string(),
  workbookName: z.string(),
  registerName: z.string(),
})

const resultImportCountsSchema = z.object({
  fileName: z.string(),
  fileSha256: z.string(),
  total: z.number(),
  recorded: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  warnings: z.array(resultImportWarningSchema),
})

export const officeResultsOps = defineOps({
  'office.results.list': {
    title: '读取评定结果',
    input: z.object({ province: provinceSchema.optional() }).strict(),
    output: z.object({ results: z.array(officeResultSchema) }),
  },
  'office.results.set': {
    title: '记录评定结果',
    input: siteRefSchema
      .extend({
        star: z.number({ error: '星级应为 1 到 7 的整数' }).int('星级应为 1 到 7 的整数').min(1, '星级应为 1 到 7 的整数').max(7, '星级应为 1 到 7 的整数'),
        batch: z.string({ error: '请写明批次，如 2021年第一批' }).trim().min(1, '请写明批次，如 2021年第一批').max(50, '批次过长'),
        certificateNo: z.string().max(100, '证书编号过长').optional(),
        plaqueNo: z.string().max(100, '标牌编号过长').optional(),
      })
      .strict(),
    output: officeResultSchema,
  },
  'office.results.export': {
    title: '导出省级评定结果文件',
    input: z.object({ province: provinceSchema, outPath: outPathSchema }).strict(),
    output: z.object({ path: z.string(), size: z.number(), rows: z.number() }),
  },
  'office.results.importPreview': {
    title: '预览导入评定结果',
    job: true,
    // Desktop: the path the dialog chose; browser mode: the path /api/upload returned.
    input: z.object({ path: filePathSchema }).strict(),
    output: resultImportCountsSchema.extend({ errors: z.array(rowProblemSchema), rows: z.array(resultImportRowSchema), dryRun: z.literal(true) }),
  },
  'office.results.import': {
    title: '导入评定结果',
    job: true,
    // Whole or not at all: any row with a problem refuses the file (invalid-input, each problem in details).
    input: z.object({ path: filePathSchema }).strict(),
    output: resultImportCountsSchema.extend({ dryRun: z.literal(false) }),
  },
})
