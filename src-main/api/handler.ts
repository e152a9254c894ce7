import type { z } from 'zod'
import type { AppContext } from '../services/context'
import type { JobHandle } from '../services/jobs'
import type { OfficeContext } from '../services/office/context'
import type { Session } from '../services/session'
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

/** The national office's operations get its context instead of a province's. */
export interface OfficeHandlerContext {
  office: OfficeContext
  job?: JobHandle
}

export type OfficeHandler<S extends OpSpec> = (
  input: z.output<S['input']>,
  ctx: OfficeHandlerContext,
) => z.input<S['output']> | Promise<z.input<S['output']>>

export type OfficeHandlersFor<T extends Record<string, OpSpec>> = { [K in keyof T]: OfficeHandler<T[K]> }

/** Operations of either role (session, jobs) get the session itself. */
export interface SessionHandlerContext {
  session: Session
  job?: JobHandle
}

export type SessionHandler<S extends OpSpec> = (
  input: z.output<S['input']>,
  ctx: SessionHandlerContext,
) => z.input<S['output']> | Promise<z.input<S['output']>>

export type SessionHandlersFor<T extends Record<string, OpSpec>> = { [K in keyof T]: SessionHandler<T[K]> }
