/**
 * What the clerk dropped or picked, as bundle files for office.bundles.receive. In the desktop app a dropped
 * folder has a path and the core takes every .zip inside it; in browser mode nothing has a path, so a folder
 * is read here (its .zip files directly inside, as the core does) and each file is uploaded.
 */
import { isDesktop, toServerFiles, type ServerFile } from '../../../api'

const isZip = (name: string) => /\.zip$/i.test(name)

function readEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader()
  const all: FileSystemEntry[] = []
  // readEntries answers in batches (100 in Chromium) until it returns an empty one.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(all)
        all.push(...batch)
        next()
      }, reject)
    next()
  })
}

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject))

export interface DroppedSelection {
  /** The .zip files (browser mode) or paths (desktop) to hand to the core. */
  read(): Promise<ServerFile[]>
  /** Dropped things that are not bundles, named for the clerk. */
  ignored: string[]
}

/** Must be called during the drop event: the transfer's items are gone once the handler returns. */
export function takeDrop(transfer: DataTransfer): DroppedSelection {
  const files = Array.from(transfer.files)
  if (isDesktop()) {
    // Folders and files alike have paths; the core expands folders and names any file that is not a bundle.
    return { read: () => toServerFiles(files), ignored: [] }
  }
  // An item without an entry (a drop made by a script, not from the file manager) is taken as the file it holds.
  const items = Array.from(transfer.items).filter((item) => item.kind === 'file')
  const entries = items.map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null)
  const loose = items.filter((item) => item.webkitGetAsEntry() === null).map((item) => item.getAsFile()).filter((f): f is File => f !== null)
  const ignored = [...entries.filter((e) => e.isFile && !isZip(e.name)).map((e) => e.name), ...loose.filter((f) => !isZip(f.name)).map((f) => f.name)]
  return {
    ignored,
    read: async () => {
      const zips: File[] = loose.filter((f) => isZip(f.name))
      for (const entry of entries) {
        if (entry.isFile && isZip(entry.name)) zips.push(await fileOf(entry as FileSystemFileEntry))
        else if (entry.isDirectory) {
          const inside = (await readEntries(entry as FileSystemDirectoryEntry)).filter((e) => e.isFile && isZip(e.name))
          inside.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          for (const e of inside) zips.push(await fileOf(e as FileSystemFileEntry))
        }
      }
      return toServerFiles(zips)
    },
  }
}

/** A folder chosen with the browser's folder picker: the .zip files directly inside it. */
export function zipsOfPickedFolder(files: File[]): File[] {
  return files
    .filter((f) => isZip(f.name) && f.webkitRelativePath.split('/').length === 2)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** The browser's folder picker (webkitdirectory); resolves with every file in the folder, [] when cancelled. */
export function pickFolder(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.webkitdirectory = true
    input.addEventListener('change', () => resolve([...(input.files ?? [])]))
    input.addEventListener('cancel', () => resolve([]))
    input.click()
  })
}
