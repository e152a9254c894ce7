import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { AppError } from '../core/errors'
import type { JobHandle } from '../services/jobs'
import type { AppContext } from '../services/context'
import { sessionOfApp, type Session } from '../services/session'
import { contract, officeOps, sharedOps, type OpName } from './contract'
import type { Envelope, ErrorShape, OpSpec } from './define'
import type { Handler, OfficeHandler, SessionHandler } from './handler'
import { handlers } from './handlers'
import { sharedHandlers } from './session/handlers'
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

const has = (table: object, name: string) => Object.prototype.hasOwnProperty.call(table, name)

/** Which role runs an operation: the office's, either role's (session, jobs), or the province's (the rest). */
export function opRole(name: OpName): 'province' | 'office' | 'shared' {
  return has(officeOps, name) ? 'office' : has(sharedOps, name) ? 'shared' : 'province'
}

/**
 * The office's handlers (and the office services behind them) load on the first office operation, so a
 * province's doors start exactly as before; the promise is kept, so it loads once.
 */
let officeTable: Promise<typeof import('./office/handlers')> | null = null
const loadOfficeHandlers = () => (officeTable ??= import('./office/handlers'))

function isSession(target: AppContext | Session): target is Session {
  return 'state' in target
}

function wrongRole(name: string, sessionRole: 'province' | 'office'): AppError {
  return sessionRole === 'office'
    ? new AppError('wrong-role', `当前数据文件夹属于全国推进办公室，不能执行省级协会的操作（${name}）`)
    : new AppError('wrong-role', `当前数据文件夹属于省级协会，不能执行全国推进办公室的操作（${name}）`)
}

export interface DispatchOptions {
  /** For job operations: the id the caller listens on for progress; generated when absent. */
  jobId?: string
}

/**
 * The single entry point of every door (IPC, HTTP, CLI): validate the input, check the operation belongs to
 * the session's role, run the handler, validate the output, and turn every failure into `{ code, message }`.
 * Never throws. `target` is the door's session, or a province context its caller opened (CLI, tests).
 */
export async function dispatch(
  target: AppContext | Session,
  name: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  try {
    if (!isOpName(name)) {
      throw new AppError('unknown-operation', `未知的操作：${String(name).slice(0, 100)}`)
    }
    const spec = contract[name] as OpSpec
    const role = opRole(name)
    const state = isSession(target) ? target.state : null
    const sessionRole = state?.role ?? 'province'
    const parsed = spec.input.safeParse(rawInput ?? {})
    if (!parsed.success) throw zodToError(parsed.error)
    // After the input check, which needs no data: a malformed call is told so whichever role is open.
    if (role !== 'shared' && role !== sessionRole) throw wrongRole(name, sessionRole)
    let call: (job?: JobHandle) => unknown
    if (role === 'shared') {
      const session = isSession(target) ? target : sessionOfApp(target)
      const handler = sharedHandlers[name as keyof typeof sharedHandlers] as SessionHandler<OpSpec>
      call = (job) => handler(parsed.data, { session, job })
    } else if (state?.role === 'office') {
      const { office } = state
      const { officeHandlers } = await loadOfficeHandlers()
      const handler = officeHandlers[name as keyof typeof officeHandlers] as OfficeHandler<OpSpec>
      call = (job) => handler(parsed.data, { office, job })
    } else {
      const app = state?.role === 'province' ? state.app : (target as AppContext)
      const handler = handlers[name as keyof typeof handlers] as Handler<OpSpec>
      call = (job) => handler(parsed.data, { app, job })
    }
    const result = spec.job
      ? await target.jobs.run(options.jobId ?? randomUUID(), (job) => Promise.resolve(call(job)))
      : await call()
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
