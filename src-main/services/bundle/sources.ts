/**
 * The plan of a bundle: every entry path with the file on disk it is streamed from. Fixed documents come
 * from the document producers (a seam, see documents.ts); attachments from the content-addressed store.
 */
import fs from 'node:fs'
import {
  CHECK_REPORT_PATH,
  COVER_LETTER_PATH,
  MANIFEST_PATH,
  ROSTER_PATH,
  SIGNATURE_PATH,
  layoutSites,
} from '../../core/bundle/layout'
import { EntryNamer } from '../../core/bundle/names'
import { AppError } from '../../core/errors'
import { storedPath } from '../attachments/store'
import type { BundleDocuments, DocumentRequest } from './documents'
import type { BundleSite } from './select'

export interface PlannedEntry {
  path: string
  source: string
  size: number
}

export interface Plan {
  entries: PlannedEntry[]
  /** Site code -> the entry paths of that site, for the manifest. */
  siteFiles: Map<string, string[]>
  omitted: { path: string; reason: string }[]
}

const NOT_AVAILABLE = '本版本尚不能生成此文件'

export async function planEntries(req: DocumentRequest, documents: BundleDocuments): Promise<Plan> {
  const namer = new EntryNamer()
  for (const fixed of [MANIFEST_PATH, SIGNATURE_PATH]) namer.reserve(fixed)
  const entries: PlannedEntry[] = []
  const omitted: Plan['omitted'] = []
  const add = (path: string, source: string) => entries.push({ path, source, size: statSize(source, path) })

  const fixedDocs = [
    [COVER_LETTER_PATH, documents.coverLetter],
    [ROSTER_PATH, documents.roster],
    [CHECK_REPORT_PATH, documents.checkReport],
  ] as const
  for (const [path, produce] of fixedDocs) {
    namer.reserve(path)
    if (produce) add(path, await produce.call(documents, req))
    else omitted.push({ path, reason: NOT_AVAILABLE })
  }

  const layouts = layoutSites(
    req.sites.map((s) => ({ code: s.code, name: s.name, attachments: s.attachments.map((a) => ({ id: a.id, kind: a.kind, ext: a.ext })) })),
    namer,
  )
  const siteFiles = new Map<string, string[]>()
  for (const [i, site] of req.sites.entries()) {
    const layout = layouts[i]
    const files: string[] = []
    const letter = documents.siteLetter ? await documents.siteLetter(req, site) : undefined
    if (letter) (add(layout.letterPath, letter), files.push(layout.letterPath))
    else omitted.push({ path: layout.letterPath, reason: letter === null ? '该现场尚未生成推荐函' : NOT_AVAILABLE })
    for (const a of site.attachments) {
      const path = layout.attachments.get(a.id)!
      add(path, storedPath(req.app.dataDir, a.sha256))
      files.push(path)
    }
    siteFiles.set(site.code, files)
  }
  return { entries, siteFiles, omitted }
}

function statSize(source: string, entryPath: string): number {
  try {
    return fs.statSync(source).size
  } catch {
    throw new AppError('conflict', `找不到要打包的文件 ${entryPath}（存储文件已丢失）。请运行“审核”检查附件完整性后重试。`, {
      path: entryPath,
    })
  }
}
