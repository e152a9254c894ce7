/**
 * Files between the person and the core. The core works on paths of its own machine: in the desktop app a
 * chosen or dropped file already has one; in browser mode the file is uploaded to the local server first,
 * which hands back the path it stored it at. Outputs go the other way: opened in the desktop app,
 * downloaded in the browser.
 */
import type { FileFilter } from '@contract'
import { ApiError } from './errors'

export interface ServerFile {
  /** Path on the machine that runs the core. */
  path: string
  /** The name the person knows the file by. */
  name: string
}

function token(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="starsite-token"]')?.content ?? ''
}

async function upload(file: File): Promise<ServerFile> {
  let response: Response
  try {
    response = await fetch('/api/upload', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        'X-Starsite-Token': token(),
        'X-File-Name': encodeURIComponent(file.name),
      },
      body: file,
    })
  } catch {
    throw new ApiError({ code: 'network', message: `文件“${file.name}”上传失败：无法连接到本机服务` })
  }
  const body = (await response.json().catch(() => null)) as
    | { ok: true; value: { path: string; name: string } }
    | { ok: false; error: { code: string; message: string } }
    | null
  if (!body) throw new ApiError({ code: 'network', message: `文件“${file.name}”上传失败（HTTP ${response.status}）` })
  if (!body.ok) throw new ApiError(body.error)
  return { path: body.value.path, name: file.name }
}

/** Files from a drop or an <input type="file">, as paths the core can read. */
export async function toServerFiles(files: File[]): Promise<ServerFile[]> {
  const bridge = window.starsite
  const result: ServerFile[] = []
  for (const file of files) {
    const local = bridge?.pathForFile(file) ?? ''
    result.push(local ? { path: local, name: file.name } : await upload(file))
  }
  return result
}

/** Let the person choose files: the native dialog in the desktop app, the browser's picker otherwise. */
export async function chooseFiles(options: { title?: string; filters?: FileFilter[]; multiple?: boolean } = {}): Promise<ServerFile[]> {
  const bridge = window.starsite
  if (bridge) {
    const paths = await bridge.dialogs.openFiles(options)
    return paths.map((p) => ({ path: p, name: p.split(/[\\/]/).pop() ?? p }))
  }
  const picked = await new Promise<File[]>((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.multiple = options.multiple ?? false
    const exts = options.filters?.flatMap((f) => f.extensions) ?? []
    if (exts.length && !exts.includes('*')) input.accept = exts.map((e) => `.${e}`).join(',')
    input.addEventListener('change', () => resolve([...(input.files ?? [])]))
    input.addEventListener('cancel', () => resolve([]))
    input.click()
  })
  return toServerFiles(picked)
}

/** The browser-mode address of an output file (only files in the data folder's outputs or store). */
export function downloadUrl(path: string, name?: string): string {
  const q = new URLSearchParams({ path })
  if (name) q.set('name', name)
  return `/api/download?${q.toString()}`
}

/** Open an output: with its program in the desktop app, as a download in the browser. */
export async function openOutput(path: string, name?: string): Promise<void> {
  const bridge = window.starsite
  if (bridge) {
    const result = await bridge.shell.openPath(path)
    if (!result.ok) throw new ApiError(result.error)
    return
  }
  const a = document.createElement('a')
  a.href = downloadUrl(path, name)
  a.download = name ?? path.split(/[\\/]/).pop() ?? 'download'
  document.body.append(a)
  a.click()
  a.remove()
}

/** Show an output in Explorer / Finder (desktop only; the browser offers the download instead). */
export async function revealOutput(path: string, name?: string): Promise<void> {
  const bridge = window.starsite
  if (!bridge) return openOutput(path, name)
  const result = await bridge.shell.showItemInFolder(path)
  if (!result.ok) throw new ApiError(result.error)
}
