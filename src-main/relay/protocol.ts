/**
 * The relay between the desktop app's main process and its core process (the one that owns the database,
 * dispatch and jobs). Both sides import this module: the messages, their checks, and the port they travel
 * over. Messages are plain objects, so they survive structured clone (Electron's parentPort, a MessagePort)
 * and Node's IPC channel alike.
 */
import { z } from 'zod'
import { errorShapeSchema, type Envelope, type ErrorShape, type JobEventShape } from '../api/define'

/** What either side needs of a message channel; adapters in ports.ts (Node) and src-main/electron (Electron). */
export interface Port {
  postMessage(message: unknown): void
  /** Returns the function that stops listening. */
  onMessage(listener: (message: unknown) => void): () => void
}

/** Main -> core. */
export type ToCore =
  | { type: 'open'; dataDir: string }
  /** `name` and `input` pass through unchecked: dispatch validates them, with the same errors as every door. */
  | { type: 'call'; id: number; name: unknown; input: unknown; jobId?: string }
  | { type: 'close' }

/** Core -> main. */
export type FromCore =
  | { type: 'opened'; error: ErrorShape | null }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'job'; event: JobEventShape }
  | { type: 'closed' }

const callId = z.number().int().positive()
const jobEvent = z.object({ jobId: z.string(), phase: z.string(), done: z.number(), total: z.number() })
const envelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorShapeSchema }),
])

const toCore = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), dataDir: z.string().min(1) }),
  z.object({ type: z.literal('call'), id: callId, name: z.unknown(), input: z.unknown(), jobId: z.string().optional() }),
  z.object({ type: z.literal('close') }),
])

const fromCore = z.discriminatedUnion('type', [
  z.object({ type: z.literal('opened'), error: errorShapeSchema.nullable() }),
  z.object({ type: z.literal('result'), id: callId, envelope }),
  z.object({ type: z.literal('job'), event: jobEvent }),
  z.object({ type: z.literal('closed') }),
])

/** A message from main, or null for anything else (a stray message is dropped, never trusted). */
export function parseToCore(raw: unknown): ToCore | null {
  const r = toCore.safeParse(raw)
  return r.success ? (r.data as ToCore) : null
}

export function parseFromCore(raw: unknown): FromCore | null {
  const r = fromCore.safeParse(raw)
  return r.success ? (r.data as FromCore) : null
}

export const CORE_CRASHED_MESSAGE = '后台处理进程意外退出，操作未完成。已保存的数据不受影响，请点击页面顶部的“重新启动”后重试。'

/** What every call still waiting gets, and every call made until the core is restarted. */
export function coreCrashed(): ErrorShape {
  return { code: 'core-crashed', message: CORE_CRASHED_MESSAGE }
}

