import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { AppError } from '../core/errors'
import type { AppContext } from '../services/context'
import { contract, type OpName } from './contract'
import type { Envelope, ErrorShape, OpSpec } from './define'
import type { Handler } from './handler'
import { handlers } from './handlers'
import { zodToError } from './zodError'

export { zodToError }

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

export function isJobOp(name: OpName): boolean {
  return (contract[name] as OpSpec).job === true
}

export function toErrorShape(error: unknown): ErrorShape {
  if (error instanceof AppError) return error.toShape()
  if (error instanceof z.ZodError) return zodToError(error).toShape()
  const code = (error as { code?: unknown })?.code
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return { code: 'conflict', message: '数据文件正被另一个程序使用，请稍后再试' }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return { code: 'internal', message: '磁盘空间不足，操作未完成，数据未改变' }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'internal', message: `内部错误：${message}` }
}

export interface DispatchOptions {
  /** For job operations: the id the caller listens on for progress; generated when absent. */
  jobId?: string
}

/**
 * The single entry point of every door (IPC, HTTP, CLI): validate the input, run the handler, validate the
 * output, and turn every failure into `{ code, message }`. Never throws.
 */
export async function dispatch(
  app: AppContext,
  name: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  try {
    if (!isOpName(name)) {
      throw new AppError('unknown-operation', `未知的操作：${String(name).slice(0, 100)}`)
    }
    const spec = contract[name] as OpSpec
    const parsed = spec.input.safeParse(rawInput ?? {})
    if (!parsed.success) throw zodToError(parsed.error)
    const handler = handlers[name] as Handler<OpSpec>
    const run = spec.job
      ? () => app.jobs.run(options.jobId ?? randomUUID(), (job) => Promise.resolve(handler(parsed.data, { app, job })))
      : () => Promise.resolve(handler(parsed.data, { app }))
    const result = await run()
    const out = spec.output.safeParse(result)
    if (!out.success) {
      throw new AppError('internal', `内部错误：操作 ${name} 的结果不符合约定`, {
        problems: out.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
      })
    }
    return { ok: true, value: out.data }
  } catch (error) {
    return { ok: false, error: toErrorShape(error) }
  }
}
