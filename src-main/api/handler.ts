import type { z } from 'zod'
import type { AppContext } from '../services/context'
import type { JobHandle } from '../services/jobs'
import type { OpSpec } from './define'

export interface HandlerContext {
  app: AppContext
  /** Present for operations marked `job: true`. */
  job?: JobHandle
}

export type Handler<S extends OpSpec> = (
  input: z.output<S['input']>,
  ctx: HandlerContext,
) => z.input<S['output']> | Promise<z.input<S['output']>>

/** A feature's handlers: exactly one per operation of its contract, checked by the compiler. */
export type HandlersFor<T extends Record<string, OpSpec>> = { [K in keyof T]: Handler<T[K]> }
