/**
 * A copy of an attachment that its program can open. The store names files by their hash, without an
 * extension, so neither the desktop shell nor a browser download knows what they are; the copy goes to
 * dataDir/outputs/附件 under the (sanitised) name the person gave the file.
 *
 * - An identical copy already there (same size and SHA-256) is reused as it is: opening the same attachment
 *   twice leaves one file, and a copy open in Word or a PDF reader is not rewritten under its feet.
 * - A different file of the same name (another site's 推荐函.pdf, or a copy the person edited) is never
 *   overwritten: the new copy gets "名称 (2).pdf", "名称 (3).pdf", ….
 * - The copy is written to a partial name in the same folder and renamed into place when complete.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { AppError } from '../../core/errors'
import { fsErrorCode, writeFailureMessage } from '../../core/files/fsError'
import { safeFileName, splitExtension } from '../../core/files/safeName'
import { getAttachment } from '../../db/repositories/attachments'
import { createPartial } from '../files/atomicWrite'
import type { AppContext } from '../context'
import { attachmentFile } from './attachments'

export interface ExportedCopy {
  /** Absolute path of the copy, under dataDir/outputs/附件. */
  path: string
  /** Its file name. */
  name: string
}

/** Where copies of attachments go. */
export const attachmentCopiesDir = (dataDir: string): string => path.join(dataDir, 'outputs', '附件')

const MAX_NAME_TRIES = 1000

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(fs.createReadStream(file), hash)
  return hash.digest('hex')
}

async function isSameFile(file: string, size: number, sha256: string): Promise<boolean> {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    return false
  }
  if (!stat.isFile() || stat.size !== size) return false
  try {
    return (await sha256Of(file)) === sha256
  } catch {
    return false
  }
}

function candidateName(name: string, n: number): string {
  if (n === 1) return name
  const { stem, ext } = splitExtension(name)
  return safeFileName(`${stem} (${n})${ext}`)
}

export async function exportAttachmentCopy(app: AppContext, id: number): Promise<ExportedCopy> {
  // Throws the not-found errors the clerk can act on (attachment gone, stored file missing).
  const source = attachmentFile(app, id)
  const record = getAttachment(app.db, id)
  if (!record) throw new AppError('not-found', `找不到编号为 ${id} 的附件，可能已被删除`)

  const dir = attachmentCopiesDir(app.dataDir)
  fs.mkdirSync(dir, { recursive: true })
  const name = safeFileName(source.name, { fallback: `附件${id}` })

  for (let n = 1; n <= MAX_NAME_TRIES; n++) {
    const candidate = candidateName(name, n)
    const target = path.join(dir, candidate)
    if (fs.existsSync(target)) {
      if (await isSameFile(target, record.size, record.sha256)) return { path: target, name: candidate }
      continue
    }
    const partial = createPartial(app.dataDir, target)
    try {
      await fs.promises.copyFile(source.path, partial.path)
      // Another copy may have landed under this name meanwhile; renaming would replace it, so look again.
      if (fs.existsSync(target) && !(await isSameFile(target, record.size, record.sha256))) {
        partial.discard()
        continue
      }
      partial.commit(target)
    } catch (error) {
      partial.discard()
      const code = fsErrorCode(error)
      if (!code) throw error
      // The copy goes to our own outputs folder, so the words are the data folder's.
      const kind = code === 'EACCES' || code === 'EPERM' || code === 'EBUSY' ? 'conflict' : 'internal'
      throw new AppError(kind, writeFailureMessage(code, target, '数据文件夹'))
    }
    return { path: target, name: candidate }
  }
  throw new AppError('conflict', `文件夹“${dir}”中同名的文件过多，请清理后重试`)
}
