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

export interface PlannedEntry {
  path: string
  source: string
  size: number
}

export interface Plan {
  entries: PlannedEntry[]
  /** Site code -> the entry paths of that site, for the manifest. */
  siteFiles: Map<string, string[]>
  /** Always empty: a document that cannot be produced fails the build. Kept for the manifest's shape. */
  omitted: { path: string; reason: string }[]
}

/** A required document that could not be had: the build stops rather than send an incomplete submission. */
function cannotProduce(entryPath: string, reason: string): AppError {
  return new AppError('conflict', `无法生成报送包：${entryPath} ${reason}。报送材料不完整，未生成报送包。`, { path: entryPath })
}

export async function planEntries(req: DocumentRequest, documents: BundleDocuments): Promise<Plan> {
  const namer = new EntryNamer()
  for (const fixed of [MANIFEST_PATH, SIGNATURE_PATH]) namer.reserve(fixed)
  const entries: PlannedEntry[] = []
  const add = (path: string, source: string) => entries.push({ path, source, size: statSize(source, path) })

  const fixedDocs = [
    [COVER_LETTER_PATH, documents.coverLetter],
    [ROSTER_PATH, documents.roster],
    [CHECK_REPORT_PATH, documents.checkReport],
  ] as const
  for (const [path, produce] of fixedDocs) {
    namer.reserve(path)
    if (!produce) throw cannotProduce(path, '无法生成（缺少生成该文件的功能）')
    add(path, await produce.call(documents, req))
  }

  const layouts = layoutSites(
    req.sites.map((s) => ({ code: s.code, name: s.name, attachments: s.attachments.map((a) => ({ id: a.id, kind: a.kind, ext: a.ext })) })),
    namer,
  )
  const siteFiles = new Map<string, string[]>()
  for (const [i, site] of req.sites.entries()) {
    const layout = layouts[i]
    const files: string[] = []
    if (!documents.siteLetter) throw cannotProduce(layout.letterPath, '无法生成（缺少生成推荐函的功能）')
    const letter = await documents.siteLetter(req, site)
    if (!letter) throw cannotProduce(layout.letterPath, `缺少现场 ${site.code} ${site.name} 的推荐函`)
    add(layout.letterPath, letter)
    files.push(layout.letterPath)
    for (const a of site.attachments) {
      const path = layout.attachments.get(a.id)!
      add(path, storedPath(req.app.dataDir, a.sha256))
      files.push(path)
    }
    siteFiles.set(site.code, files)
  }
  return { entries, siteFiles, omitted: [] }
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
