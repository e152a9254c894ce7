/**
 * The core in a plain Node child process, seen from the parent: the relay tests and the bench stand where
 * Electron's main process would (its own side is src-main/electron/coreProcess.ts).
 */
import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { coreChildOf, type CoreChild } from './client'

/** Main's view of a Node child process running entry.ts: the relay tests and the bench stand where main would. */
export function nodeCoreChild(child: ChildProcess): CoreChild {
  return coreChildOf({
    onceExit: (listener) => child.once('exit', listener),
    onMessage: (listener) => {
      const l = (message: unknown) => listener(message)
      child.on('message', l)
      return () => child.off('message', l)
    },
    // Sending to a process that just died fails; its exit is reported through onExit.
    send: (message) => {
      if (child.connected) child.send(message as object)
    },
    kill: () => {
      child.kill('SIGKILL')
    },
  })
}

/** entry.ts of this folder, run as it is under plain Node (`execArgv` brings the TypeScript loader). */
export const CORE_ENTRY = path.join(import.meta.dirname, 'entry.ts')

/**
 * Fork the core in a Node child process with the same message shapes as Electron's utility process. `entry`:
 * entry.ts by default (with a TypeScript loader in `execArgv`), or the built out/main/core.js (the bench).
 */
export function forkNodeCore(options: { execArgv: string[]; cwd?: string; entry?: string }): { child: ChildProcess; core: CoreChild } {
  const child = fork(options.entry ?? CORE_ENTRY, [], {
    execArgv: options.execArgv,
    cwd: options.cwd,
    // Structured clone, as Electron's ports use, rather than JSON.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  return { child, core: nodeCoreChild(child) }
}
