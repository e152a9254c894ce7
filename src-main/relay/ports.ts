/** The core side's ports: Electron's utility process, or a Node child process (tests, bench). */
import type { Port } from './protocol'

/** Electron's `process.parentPort` in a utility process: messages arrive wrapped in an event. */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown
  postMessage(message: unknown): void
}

export function parentPortPort(parent: ParentPortLike): Port {
  return {
    postMessage: (message) => parent.postMessage(message),
    onMessage: (listener) => {
      const unwrap = (event: { data: unknown }) => listener(event.data)
      parent.on('message', unwrap)
      return () => parent.off('message', unwrap)
    },
  }
}

/** The core side in a Node child process forked with an IPC channel. */
export function processPort(proc: NodeJS.Process): Port {
  return {
    postMessage: (message) => {
      proc.send?.(message)
    },
    onMessage: (listener) => {
      const l = (message: unknown) => listener(message)
      proc.on('message', l)
      return () => proc.off('message', l)
    },
  }
}
