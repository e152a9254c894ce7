/**
 * Attachments of a site: add (validate all, copy all, then one transaction), remove, list, locate. The
 * database and the file store are kept in step: a stored file exists while an attachment refers to it.
 */
import { AppError, invalid } from '../../core/errors'
import { ADDING_ATTACHMENT, fsErrorCode, readFailureMessage, writeFailureMessage } from '../../core/files/fsError'
import { ATTACHMENT_KIND_LABELS } from '../../core/campaign/preset'
import {
  checkContent,
  kindChoices,
  mimeForExt,
  parseAttachmentKind,
  rulesOf,
  type AttachmentKind,
} from '../../core/attachments/fileTypes'
import { formatSize } from '../../core/files/size'
import {
  countReferences,
  deleteAttachment,
  deleteStoredFile,
  getAttachment,
  insertAttachment,
  listAttachmentsOfSite,
  putStoredFile,
  type AttachmentRecord,
} from '../../db/repositories/attachments'
import { appendAudit } from '../../db/repositories/audit'
import type { SiteRecord } from '../../db/repositories/sites'
import type { AppContext } from '../context'
import type { JobHandle } from '../jobs'
import { requireSetup } from '../settings/association'
import {
  discardStaged,
  placeStaged,
  quickCheckStored,
  removeStored,
  stageFile,
  StagingWriteFailed,
  storedPath,
  type StagedFile,
} from './store'
import { checkOfferedFiles, type OfferedFile } from './validate'

export type { OfferedFile } from './validate'
import { recheckSites } from '../checks/engine'

export interface AttachmentView extends AttachmentRecord {
  kindLabel: string
}

const view = (a: AttachmentRecord): AttachmentView => ({ ...a, kindLabel: ATTACHMENT_KIND_LABELS[a.kind] })

function mustGetSite(app: AppContext, siteId: number): SiteRecord {
  const site = app.sites.get(siteId)
  if (!site) throw new AppError('not-found', `找不到编号为 ${siteId} 的现场，可能已被删除`)
  return site
}

function mustGetAttachment(app: AppContext, id: number): AttachmentRecord {
  const a = getAttachment(app.db, id)
  if (!a) throw new AppError('not-found', `找不到编号为 ${id} 的附件，可能已被删除`)
  return a
}

function readKind(kind: unknown): AttachmentKind {
  const parsed = parseAttachmentKind(kind)
  if (!parsed) throw invalid(`无法识别的附件类别“${String(kind)}”，可选：${kindChoices()}`, [{ field: 'kind', message: '无法识别的附件类别' }])
  return parsed
}

export function listAttachments(app: AppContext, siteId: number): AttachmentView[] {
  mustGetSite(app, siteId)
  return listAttachmentsOfSite(app.db, siteId).map(view)
}

/**
 * Add files to a site. Every file is checked first (type, size, not empty, content matches the extension);
 * one refusal refuses them all and nothing is written. Then each is copied into the store, and the rows and
 * audit entries go in one transaction. On any failure the temp copies and any stored file this call created
 * are removed, and the database is unchanged.
 */
export async function addAttachments(
  app: AppContext,
  siteId: number,
  kindInput: AttachmentKind | string,
  files: OfferedFile[],
  job?: JobHandle,
): Promise<AttachmentView[]> {
  const kind = readKind(kindInput)
  const { campaign } = requireSetup(app)
  const rules = rulesOf(campaign.config)
  const site = mustGetSite(app, siteId)
  if (site.deletedAt) throw new AppError('conflict', `现场 ${site.code} 已在回收站中，请先恢复再添加附件`)
  const checked = checkOfferedFiles(files, rules)

  const staged: StagedFile[] = []
  try {
    for (const file of checked) {
      // Between files: a cancel here discards what was staged, and nothing has been added yet.
      job?.throwIfCancelled()
      job?.progress('复制文件', staged.length, checked.length)
      try {
        staged.push(await stageFile(app.dataDir, file.source))
      } catch (error) {
        throw copyError(file.name, error)
      }
    }
    job?.throwIfCancelled()
    job?.progress('复制文件', checked.length, checked.length)
  } catch (error) {
    await discardStaged(staged)
    throw error
  }

  // From here on synchronous: placing the files and the transaction run in one turn of the event loop, so a
  // removal in this process cannot delete a file between our placing it and our rows referring to it.
  const created: string[] = []
  try {
    // Judge what was actually copied: the file may have changed since the first look.
    const problems = checked
      .map((file, i) => checkContent(file.name, file.ext, staged[i].size, staged[i].header, rules))
      .filter((p): p is string => p !== null)
    if (problems.length) throw invalid(`${problems.join('；')}（文件在添加过程中发生了变化，未添加任何文件）`)
    for (const s of staged) if (placeStaged(app.dataDir, s)) created.push(s.sha256)
    const now = app.now()
    const ids = app.db.transaction(() => {
      // Re-read inside the transaction: the site may have been deleted while the files were copied.
      const current = mustGetSite(app, siteId)
      if (current.deletedAt) throw new AppError('conflict', `现场 ${current.code} 已在回收站中，请先恢复再添加附件`)
      return checked.map((file, i) => {
        const { sha256, size } = staged[i]
        putStoredFile(app.db, sha256, size, now)
        const id = insertAttachment(
          app.db,
          { siteId, kind, sha256, originalName: file.name, ext: file.ext, size, mime: mimeForExt(file.ext) },
          now,
        )
        appendAudit(
          app.db,
          {
            actor: app.actor,
            action: 'attach',
            entity: 'site',
            entityId: siteId,
            summary: `为现场 ${current.code} 添加附件 ${file.name}（${ATTACHMENT_KIND_LABELS[kind]}，${formatSize(size)}）`,
            details: { attachmentId: id, kind, originalName: file.name, size, sha256 },
          },
          now,
        )
        return id
      })
    })()
    // Findings follow the files: a letter just attached may clear superior-letter or training-proof.
    recheckSites(app, [siteId])
    return ids.map((id) => view(mustGetAttachment(app, id)))
  } catch (error) {
    for (const s of staged) {
      try {
        // Only what this call put there, and only if nothing committed refers to it.
        if (created.includes(s.sha256) && countReferences(app.db, s.sha256) === 0) removeStored(app.dataDir, s.sha256)
      } catch {
        // Cleaning up must not hide the original error; an orphan file harms nothing.
      }
    }
    await discardStaged(staged)
    throw error
  }
}

/**
 * Reading the user's file failed (invalid input: that file is refused, the clerk can fix it), or writing our
 * own tmp/ did (internal: every later file would fail the same way).
 */
function copyError(name: string, error: unknown): AppError {
  const NOTHING_ADDED = '。未添加任何文件'
  if (error instanceof StagingWriteFailed) {
    const code = fsErrorCode(error.error)
    if (code) return new AppError('internal', `${writeFailureMessage(code, name)}${NOTHING_ADDED}`)
    error = error.error
  }
  const code = fsErrorCode(error)
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM' || code === 'EBUSY')
    return invalid(`${readFailureMessage(code, name, ADDING_ATTACHMENT)}${NOTHING_ADDED}`)
  if (code) return new AppError('internal', `${readFailureMessage(code, name, ADDING_ATTACHMENT)}${NOTHING_ADDED}`)
  return new AppError('internal', `复制文件“${name}”时出错：${error instanceof Error ? error.message : String(error)}${NOTHING_ADDED}`)
}

export interface RemovedAttachment {
  attachment: AttachmentView
  /** True when this was the last reference and the stored file was deleted. */
  fileDeleted: boolean
}

/** Remove one attachment; its stored file goes only when no other attachment shares the same bytes. */
export function removeAttachment(app: AppContext, id: number): RemovedAttachment {
  const now = app.now()
  const result = app.db.transaction(() => {
    const a = mustGetAttachment(app, id)
    const site = mustGetSite(app, a.siteId)
    if (site.deletedAt) throw new AppError('conflict', `现场 ${site.code} 已在回收站中，请先恢复再删除附件`)
    deleteAttachment(app.db, id)
    const lastReference = countReferences(app.db, a.sha256) === 0
    if (lastReference) deleteStoredFile(app.db, a.sha256)
    appendAudit(
      app.db,
      {
        actor: app.actor,
        action: 'detach',
        entity: 'site',
        entityId: a.siteId,
        summary: `删除现场 ${site.code} 的附件 ${a.originalName}（${ATTACHMENT_KIND_LABELS[a.kind]}，${formatSize(a.size)}）`,
        details: { attachmentId: id, kind: a.kind, originalName: a.originalName, size: a.size, sha256: a.sha256 },
      },
      now,
    )
    return { attachment: view(a), fileDeleted: lastReference }
  })()
  // After the commit: a crash here leaves an orphan file (harmless), never a row pointing at nothing.
  if (result.fileDeleted) {
    try {
      removeStored(app.dataDir, result.attachment.sha256)
    } catch {
      // The row is gone already; an undeletable file is an orphan, not an error the clerk can act on.
    }
  }
  recheckSites(app, [result.attachment.siteId])
  return result
}

export interface AttachmentFile {
  /** Absolute path of the stored bytes (named by hash, no extension). */
  path: string
  /** The original (sanitised) name, for a download or a copy the user opens. */
  name: string
  mime: string
  size: number
}

/** Where an attachment's bytes are, for open/reveal in the desktop app and download in browser mode. */
export function attachmentFile(app: AppContext, id: number): AttachmentFile {
  const a = mustGetAttachment(app, id)
  if (quickCheckStored(app.dataDir, a.sha256, a.size) === 'missing')
    throw new AppError('not-found', `附件“${a.originalName}”的文件在数据目录中找不到了，请删除该附件后重新添加`)
  return { path: storedPath(app.dataDir, a.sha256), name: a.originalName, mime: a.mime, size: a.size }
}
