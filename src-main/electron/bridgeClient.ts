/**
 * The object the preload exposes as `window.starsite`, built over any ipcRenderer-like sender so tests can
 * drive it. Kept apart from preload.ts so the preload entry itself exports nothing.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron'
import { IPC, type CoreStatus, type StarsiteBridge } from '../api/bridge'
import { OP_NAMES } from '../api/contract'
import type { Envelope, JobEventShape } from '../api/define'

export type IpcLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

const known = new Set<string>(OP_NAMES)

export interface WebUtilsLike {
  getPathForFile(file: File): string
}

export function createBridge(ipc: IpcLike, platform: string, webUtils: WebUtilsLike): StarsiteBridge {
  return {
    invoke(name: string, input: unknown, jobId?: string): Promise<Envelope<unknown>> {
      // The main side checks again; refusing here keeps typos from even crossing the process boundary.
      if (typeof name !== 'string' || !known.has(name)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'unknown-operation', message: `未知的操作：${String(name).slice(0, 100)}` },
        })
      }
      return ipc.invoke(IPC.invoke, name, input, jobId)
    },
    onJobEvent(listener: (event: JobEventShape) => void): () => void {
      // Only the payload reaches the page: the IPC event object carries the sender.
      const relay = (_event: IpcRendererEvent, payload: JobEventShape) => listener(payload)
      ipc.on(IPC.jobEvent, relay)
      return () => {
        ipc.removeListener(IPC.jobEvent, relay)
      }
    },
    dialogs: {
      openFiles: (options) => ipc.invoke(IPC.dialogOpenFiles, options),
      openFolder: (options) => ipc.invoke(IPC.dialogOpenFolder, options),
      saveFile: (options) => ipc.invoke(IPC.dialogSaveFile, options),
    },
    shell: {
      openPath: (path) => ipc.invoke(IPC.shellOpenPath, path),
      showItemInFolder: (path) => ipc.invoke(IPC.shellShowItem, path),
    },
    pathForFile: (file) => {
      try {
        return webUtils.getPathForFile(file)
      } catch {
        return ''
      }
    },
    platform,
    core: {
      status: () => ipc.invoke(IPC.coreStatus),
      onStatus(listener: (status: CoreStatus) => void): () => void {
        const relay = (_event: IpcRendererEvent, payload: CoreStatus) => listener(payload)
        ipc.on(IPC.coreEvent, relay)
        return () => {
          ipc.removeListener(IPC.coreEvent, relay)
        }
      },
      restart: () => ipc.invoke(IPC.coreRestart),
    },
  }
}
