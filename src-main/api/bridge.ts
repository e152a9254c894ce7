/**
 * What the preload script exposes as `window.starsite` in the desktop app. Types only: the renderer and the
 * preload both import it. In browser mode the same shape is provided over HTTP by the renderer's client
 * (dialogs and shell are then unavailable and the UI offers uploads and downloads instead).
 */
import type { Envelope, JobEventShape } from './define'

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface StarsiteBridge {
  /** Run a contract operation by name; for job operations pass the jobId you listen on. */
  invoke(name: string, input: unknown, jobId?: string): Promise<Envelope<unknown>>
  /** Progress of every running job; returns the unsubscribe function. */
  onJobEvent(listener: (event: JobEventShape) => void): () => void
  dialogs: {
    openFiles(options: { title?: string; filters?: FileFilter[]; multiple?: boolean }): Promise<string[]>
    openFolder(options: { title?: string }): Promise<string | null>
    saveFile(options: { title?: string; defaultName?: string; filters?: FileFilter[] }): Promise<string | null>
  }
  shell: {
    /** Open a file of the data folder with the system's default program. */
    openPath(path: string): Promise<Envelope<null>>
    /** Show a file of the data folder in Explorer / Finder. */
    showItemInFolder(path: string): Promise<Envelope<null>>
  }
  /**
   * The path on disk of a file the user dropped onto the window (Electron's webUtils.getPathForFile;
   * File.path no longer exists in sandboxed renderers). Empty for files that have no path.
   */
  pathForFile(file: File): string
  platform: string
  /** The core process (database, checks, imports) runs apart from the window's process and may crash. */
  core: {
    status(): Promise<CoreStatus>
    /** Every change of status; returns the unsubscribe function. */
    onStatus(listener: (status: CoreStatus) => void): () => void
    /** Start the core again after a crash; resolves once it answers (or with why it could not). */
    restart(): Promise<Envelope<null>>
  }
}

/** How the core process is doing, as the window is told. */
export type CoreStatus =
  | { state: 'ready' }
  | { state: 'starting' }
  /** Exited unexpectedly, or could not reopen the data: the window offers 重新启动. */
  | { state: 'crashed'; message: string }

/** IPC channel names, shared by main and preload. */
export const IPC = {
  invoke: 'starsite:invoke',
  jobEvent: 'starsite:job-event',
  dialogOpenFiles: 'starsite:dialog-open-files',
  dialogOpenFolder: 'starsite:dialog-open-folder',
  dialogSaveFile: 'starsite:dialog-save-file',
  shellOpenPath: 'starsite:shell-open-path',
  shellShowItem: 'starsite:shell-show-item',
  coreStatus: 'starsite:core-status',
  coreRestart: 'starsite:core-restart',
  /** Main -> window only, like jobEvent. */
  coreEvent: 'starsite:core-event',
} as const
