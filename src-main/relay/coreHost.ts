/**
 * The core side of the relay: owns the session (a province's or the office's context, and the jobs) of one
 * data folder and answers the main process's messages with dispatch, exactly as the in-process doors do. Runs in Electron's utility process,
 * or in a Node child process for the relay tests and the bench; it only knows the port.
 */
import { dispatch, toErrorShape } from '../api/dispatch'
import type { Envelope, ErrorShape } from '../api/define'
import { AppError } from '../core/errors'
import { openSession, type Session } from '../services/session'
import { parseToCore, type FromCore, type Port } from './protocol'

export interface CoreHost {
  /** Close the database and stop listening, without a word to main (the host process is going away). */
  dispose(): void
}

/** Why a data folder cannot be opened, in the words the error box shows. */
export function openError(dataDir: string, error: unknown): ErrorShape {
  if (error instanceof AppError) return error.toShape()
  return { code: 'internal', message: `数据文件夹 ${dataDir} 无法打开：${error instanceof Error ? error.message : String(error)}` }
}

export function serveCore(port: Port): CoreHost {
  let session: Session | null = null
  let unsubscribe = () => {}
  const send = (message: FromCore) => port.postMessage(message)

  const reply = (id: number, envelope: Envelope<unknown>) => {
    try {
      send({ type: 'result', id, envelope })
    } catch (error) {
      // A value that cannot be cloned is a bug of the handler; the caller still gets an answer.
      send({ type: 'result', id, envelope: { ok: false, error: toErrorShape(error) } })
    }
  }

  const close = () => {
    unsubscribe()
    session?.close()
    session = null
  }

  const stop = port.onMessage((raw) => {
    const message = parseToCore(raw)
    if (!message) return
    switch (message.type) {
      case 'open': {
        if (session) {
          send({ type: 'opened', error: { code: 'conflict', message: '数据文件夹已经打开' } })
          return
        }
        try {
          session = openSession({ dataDir: message.dataDir })
        } catch (error) {
          send({ type: 'opened', error: openError(message.dataDir, error) })
          return
        }
        unsubscribe = session.jobs.subscribe((event) => send({ type: 'job', event }))
        send({ type: 'opened', error: null })
        return
      }
      case 'call': {
        if (!session) {
          reply(message.id, { ok: false, error: { code: 'not-initialised', message: '数据文件夹尚未打开' } })
          return
        }
        void dispatch(session, message.name, message.input, { jobId: message.jobId }).then((envelope) => reply(message.id, envelope))
        return
      }
      case 'close': {
        close()
        send({ type: 'closed' })
        return
      }
    }
  })

  return {
    dispose() {
      stop()
      close()
    },
  }
}
