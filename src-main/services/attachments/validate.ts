/**
 * The door check for files offered as attachments: every file is judged before a single byte is copied, and
 * all refusals are reported together, so the clerk fixes the whole selection in one go.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  checkContent,
  checkExtension,
  extensionOf,
  HEADER_BYTES,
  type AttachmentRules,
} from '../../core/attachments/fileTypes'
import { invalid, type FieldProblem } from '../../core/errors'
import { ADDING_ATTACHMENT, fsErrorCode, readFailureMessage } from '../../core/files/fsError'
import { safeFileName } from '../../core/files/safeName'

export interface OfferedFile {
  /** Path on the machine that runs the core. */
  path: string
  /** The name the user knows the file by (browser uploads live under a temp name); default: the path's. */
  name?: string
}

export interface CheckedFile {
  source: string
  /** Sanitised, for display and later for bundle paths. */
  name: string
  ext: string
  size: number
}

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(HEADER_BYTES)
    const n = fs.readSync(fd, buffer, 0, HEADER_BYTES, 0)
    return buffer.subarray(0, n)
  } finally {
    fs.closeSync(fd)
  }
}

/** One file: its display name and extension, or the Chinese reason it is refused. */
function checkOne(file: OfferedFile, rules: AttachmentRules): CheckedFile | { problem: string; name: string } {
  const name = safeFileName(file.name?.trim() ? file.name : path.basename(file.path))
  const ext = extensionOf(name)
  const typeProblem = checkExtension(name, ext, rules)
  if (typeProblem) return { problem: typeProblem, name }
  let stat: fs.Stats
  try {
    stat = fs.statSync(file.path)
  } catch (error) {
    const code = fsErrorCode(error)
    if (code === 'ENOENT') return { problem: `找不到文件“${name}”（${file.path}），可能已被移动或删除`, name }
    return { problem: readFailureMessage(code, name, ADDING_ATTACHMENT), name }
  }
  if (!stat.isFile()) return { problem: `“${name}”不是文件（可能是文件夹），请选择文件`, name }
  let header: Buffer
  try {
    header = stat.size > 0 ? readHeader(file.path) : Buffer.alloc(0)
  } catch (error) {
    return { problem: readFailureMessage(fsErrorCode(error), name, ADDING_ATTACHMENT), name }
  }
  const contentProblem = checkContent(name, ext, stat.size, header, rules)
  if (contentProblem) return { problem: contentProblem, name }
  return { source: path.resolve(file.path), name, ext, size: stat.size }
}

/** Every file checked; throws one invalid-input error listing every refused file, or returns them all. */
export function checkOfferedFiles(files: OfferedFile[], rules: AttachmentRules): CheckedFile[] {
  if (!files.length) throw invalid('请至少选择一个文件')
  const accepted: CheckedFile[] = []
  const problems: FieldProblem[] = []
  for (const file of files) {
    const result = checkOne(file, rules)
    if ('problem' in result) problems.push({ field: result.name, message: result.problem })
    else accepted.push(result)
  }
  if (problems.length) {
    // Say plainly that the good files were not added either: all or nothing, so the selection is retried whole.
    const tail = files.length > 1 ? `。本次选择的 ${files.length} 个文件均未添加，请去掉或更换上述文件后重试` : ''
    throw invalid(problems.map((p) => p.message).join('；') + tail, problems)
  }
  return accepted
}
