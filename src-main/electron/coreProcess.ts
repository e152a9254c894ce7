/**
 * The core (database, dispatch, jobs) runs in an Electron utility process, so a long check run or import
 * never stalls the process that owns the window, its menus and IPC. This is main's side of starting it.
 */
import path from 'node:path'
import { utilityProcess, type UtilityProcess } from 'electron'
import { coreChildOf, type CoreChild } from '../relay/client'
import { coreExecArgv } from '../relay/heapFlags'
import type { Log } from './log'

/** The built src-main/relay/entry.ts, next to out/main/index.js. */
export const CORE_SCRIPT = 'core.js'

/** `dataDir`: the folder the core will open, whose role picks its V8 flags (relay/heapFlags.ts). */
export function forkCoreProcess(mainDir: string, dataDir: string, log: Log): CoreChild {
  const child = utilityProcess.fork(path.join(mainDir, CORE_SCRIPT), [], { serviceName: 'starsite-core', stdio: 'pipe', execArgv: coreExecArgv(dataDir) })
  // What the core prints (a stack trace before it dies, above all) goes to the desktop log, not to nowhere.
  child.stdout?.on('data', (chunk: Buffer) => log.info(`core: ${chunk.toString('utf8').slice(0, 4000)}`))
  child.stderr?.on('data', (chunk: Buffer) => log.error(`core: ${chunk.toString('utf8').slice(0, 4000)}`))
  child.on('error', (type, location) => log.error(`core ${type} at ${location}`))
  return utilityCoreChild(child)
}

export function utilityCoreChild(child: UtilityProcess): CoreChild {
  return coreChildOf({
    onceExit: (listener) => child.once('exit', listener),
    onMessage: (listener) => {
      const l = (message: unknown) => listener(message)
      child.on('message', l)
      return () => child.off('message', l)
    },
    send: (message) => child.postMessage(message),
    kill: () => child.kill(),
  })
}
