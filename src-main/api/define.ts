/**
 * Building blocks of the contract. This file and every `contract.ts` are imported by the renderer too, so
 * they hold zod schemas and pure vocabulary only — never Node code.
 */
import { z } from 'zod'

export interface OpSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  /** Long work: runs as a job with progress events and can be cancelled. */
  job?: boolean
  /** What the operation does, in Chinese, for progress dialogs and logs. */
  title: string
}

export const defineOps = <T extends Record<string, OpSpec>>(ops: T): T => ops

export const errorShapeSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
})

export type ErrorShape = z.infer<typeof errorShapeSchema>

/** What every call returns across IPC and HTTP: a value or an error, never a thrown exception. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorShape }

export const idSchema = z.number({ error: '编号应为整数' }).int('编号应为整数').positive('编号应为正整数')
export const idListSchema = z.array(idSchema).min(1, '请至少选择一项').max(100_000)
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '任务编号格式不对')

export interface JobEventShape {
  jobId: string
  phase: string
  done: number
  total: number
}
