/**
 * Roster operations: the import template, preview and commit of a roster workbook, the export, and the
 * training roster import. Files cross as paths on the machine that runs the core (DESIGN §2.1).
 * Imported by the renderer: zod and pure values only.
 */
import { z } from 'zod'
import { defineOps } from '../define'

const pathSchema = z.string({ error: '请选择文件' }).min(1, '请选择文件').max(4096, '路径过长')
const outPathSchema = z.string().min(1).max(4096, '路径过长').optional()

export const rowProblemSchema = z.object({
  row: z.number(),
  column: z.string(),
  field: z.string(),
  label: z.string(),
  kind: z.enum(['error', 'warning']),
  message: z.string(),
  rule: z.string().optional(),
})

const countsSchema = z.object({
  total: z.number(),
  new: z.number(),
  update: z.number(),
  error: z.number(),
  warning: z.number(),
})

export const rosterPreviewSchema = z.object({
  fileName: z.string(),
  fileSha256: z.string(),
  sheet: z.string(),
  headerRow: z.number(),
  /** Recognised field -> column letter. */
  columns: z.record(z.string(), z.string()),
  ignoredColumns: z.array(z.object({ column: z.string(), header: z.string() })),
  rows: z.array(
    z.object({
      row: z.number(),
      values: z.record(z.string(), z.string()),
      status: z.enum(['new', 'update', 'error']),
      siteCode: z.string().optional(),
      problems: z.array(rowProblemSchema),
    }),
  ),
  counts: countsSchema,
})

/** DESIGN §8 import shape, with more fields. */
export const rosterCommitSchema = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  errors: z.array(rowProblemSchema),
  warnings: z.array(rowProblemSchema),
  counts: countsSchema,
  fileSha256: z.string(),
})

const writtenFileSchema = z.object({ path: z.string(), size: z.number() })

export const rosterOps = defineOps({
  'roster.template': {
    title: '生成导入模板',
    input: z.object({ outPath: outPathSchema }).strict(),
    output: writtenFileSchema,
  },
  'roster.preview': {
    title: '预览推荐汇总表',
    job: true,
    input: z.object({ path: pathSchema }).strict(),
    output: rosterPreviewSchema,
  },
  'roster.commit': {
    title: '导入推荐汇总表',
    job: true,
    input: z
      .object({
        path: pathSchema,
        fileSha256: z.string().regex(/^[0-9a-fA-F]{64}$/, '文件校验值格式不对，请重新预览'),
        validOnly: z.boolean().default(false),
      })
      .strict(),
    output: rosterCommitSchema,
  },
  'roster.export': {
    title: '导出推荐汇总表',
    job: true,
    input: z.object({ outPath: outPathSchema }).strict(),
    output: writtenFileSchema.extend({ sites: z.number() }),
  },
  'training.importRoster': {
    title: '导入培训合格名单',
    job: true,
    input: z.object({ path: pathSchema, validOnly: z.boolean().default(false) }).strict(),
    output: z.object({
      created: z.number(),
      updated: z.number(),
      unchanged: z.number(),
      skipped: z.number(),
      errors: z.array(rowProblemSchema),
      total: z.number(),
      fileSha256: z.string(),
    }),
  },
})
