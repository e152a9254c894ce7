/**
 * 'attachments.importFolder' (DESIGN §4): a folder holding one sub-folder per site, named by 现场编号 or
 * 现场名称; every file in a sub-folder becomes an attachment of that site, its kind read from its name.
 * Each file is added on its own (through addAttachments, which checks type, size and content), so one
 * refused file does not hold back the others; a file whose bytes the site already has is skipped, which
 * makes a second run over the same folder (after a cancel, say) add only what is missing.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { attachmentKindFromName, isHiddenEntry, matchSiteFolder } from '../../core/attachments/kindFromName'
import type { AttachmentKind } from '../../core/attachments/fileTypes'
import { AppError, invalid } from '../../core/errors'
import { ADDING_ATTACHMENT, fsErrorCode, readFailureMessage } from '../../core/files/fsError'
import { listAttachmentsOfSite } from '../../db/repositories/attachments'
import type { SiteRecord } from '../../db/repositories/sites'
import type { AppContext } from '../context'
import type { JobHandle } from '../jobs'
import { requireSetup } from '../settings/association'
import { addAttachments } from './attachments'

export interface SkippedEntry {
  /** Relative to the chosen folder, with '/' separators. */
  path: string
  reason: string
  /** True when the file was offered and refused (type, size, content); false when it was not offered. */
  refused: boolean
}

export interface FolderImportResult {
  /** Sub-folders matched to a site. */
  sites: number
  added: number
  skipped: SkippedEntry[]
  unmatchedFolders: { path: string; reason: string }[]
  matched: { folder: string; siteId: number; siteCode: string; siteName: string; added: number }[]
}

interface PlannedFile {
  site: SiteRecord
  folder: string
  file: string
  name: string
  kind: AttachmentKind
}

function readFolder(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  } catch {
    throw invalid(`无法读取文件夹“${dir}”，请确认它存在并且有读取权限`)
  }
}

function mustBeFolder(dir: string): void {
  let stat: fs.Stats
  try {
    stat = fs.statSync(dir)
  } catch {
    throw invalid(`找不到文件夹“${dir}”，可能已被移动或删除`)
  }
  if (!stat.isDirectory()) throw invalid(`“${dir}”不是文件夹：请选择存放各现场附件的文件夹（每个现场一个子文件夹）`)
}

async function sha256Of(file: string, signal: AbortSignal): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of fs.createReadStream(file, { signal })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Walk the folder: which sub-folders are sites, which files go where, and what is left out and why. */
function plan(root: string, sites: SiteRecord[], result: FolderImportResult): PlannedFile[] {
  const planned: PlannedFile[] = []
  for (const entry of readFolder(root)) {
    if (isHiddenEntry(entry.name)) continue
    if (!entry.isDirectory()) {
      result.skipped.push({ path: entry.name, reason: '不在现场子文件夹中（请放进以现场编号或现场名称命名的子文件夹）', refused: false })
      continue
    }
    const match = matchSiteFolder(entry.name, sites)
    if (!match.site) {
      result.unmatchedFolders.push({ path: entry.name, reason: match.reason })
      continue
    }
    const site = match.site
    result.matched.push({ folder: entry.name, siteId: site.id, siteCode: site.code, siteName: site.name, added: 0 })
    for (const inner of readFolder(path.join(root, entry.name))) {
      const rel = `${entry.name}/${inner.name}`
      if (isHiddenEntry(inner.name)) result.skipped.push({ path: rel, reason: '隐藏文件或系统文件，未导入', refused: false })
      else if (inner.isDirectory()) result.skipped.push({ path: rel, reason: '子文件夹中的文件不导入，请把文件直接放在现场文件夹里', refused: false })
      else if (!inner.isFile()) result.skipped.push({ path: rel, reason: '不是普通文件（可能是快捷方式），未导入', refused: false })
      else
        planned.push({ site, folder: entry.name, file: path.join(root, entry.name, inner.name), name: inner.name, kind: attachmentKindFromName(inner.name) })
    }
  }
  result.sites = result.matched.length
  return planned
}

export async function importAttachmentsFolder(app: AppContext, folder: string, job: JobHandle): Promise<FolderImportResult> {
  const { campaign } = requireSetup(app)
  const root = path.resolve(folder)
  mustBeFolder(root)
  const result: FolderImportResult = { sites: 0, added: 0, skipped: [], unmatchedFolders: [], matched: [] }
  const planned = plan(root, app.sites.list(campaign.id), result)
  const known = new Map<number, Set<string>>()
  const shasOf = (siteId: number) => {
    let set = known.get(siteId)
    if (!set) known.set(siteId, (set = new Set(listAttachmentsOfSite(app.db, siteId).map((a) => a.sha256))))
    return set
  }

  for (const [i, item] of planned.entries()) {
    if (job.signal.aborted)
      throw new AppError(
        'cancelled',
        `已取消：取消前已添加的 ${result.added} 个附件会保留；再次导入同一文件夹时，已添加的文件会自动跳过`,
      )
    job.progress('导入附件', i, planned.length)
    const rel = `${item.folder}/${item.name}`
    let sha: string
    try {
      sha = await sha256Of(item.file, job.signal)
    } catch (error) {
      if (job.signal.aborted) continue // reported at the top of the next turn
      result.skipped.push({ path: rel, reason: readFailureMessage(fsErrorCode(error), item.name, ADDING_ATTACHMENT), refused: true })
      continue
    }
    const shas = shasOf(item.site.id)
    if (shas.has(sha)) {
      result.skipped.push({ path: rel, reason: `现场 ${item.site.code} 已有内容相同的附件，未重复添加`, refused: false })
      continue
    }
    try {
      await addAttachments(app, item.site.id, item.kind, [{ path: item.file, name: item.name }])
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid-input') {
        result.skipped.push({ path: rel, reason: error.message, refused: true })
        continue
      }
      throw error
    }
    shas.add(sha)
    result.added += 1
    const entry = result.matched.find((m) => m.siteId === item.site.id && m.folder === item.folder)
    if (entry) entry.added += 1
  }
  if (job.signal.aborted)
    throw new AppError('cancelled', `已取消：取消前已添加的 ${result.added} 个附件会保留；再次导入同一文件夹时，已添加的文件会自动跳过`)
  job.progress('导入附件', planned.length, planned.length)
  return result
}
