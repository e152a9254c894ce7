/**
 * Is every attachment's stored file still there and unchanged? quickCheck looks at sizes only (cheap, run
 * with every check); deepCheck re-hashes the bytes (slow for many large scans, run on demand and before a
 * bundle). Both report problems per attachment; the checks feature turns them into findings.
 */
import { AppError } from '../../core/errors'
import { listAttachments, type AttachmentRecord } from '../../db/repositories/attachments'
import type { AppContext } from '../context'
import { hashStored, quickCheckStored } from './store'

// The same words as the job registry uses, so a cancelled check reads like every other cancelled task.
const cancelled = () => new AppError('cancelled', '任务已取消，未做任何更改')

export type IntegrityProblemKind = 'missing' | 'size-mismatch' | 'hash-mismatch'

export interface IntegrityProblem {
  attachmentId: number
  siteId: number
  sha256: string
  originalName: string
  problem: IntegrityProblemKind
  /** Chinese, says what to do. */
  message: string
}

export interface IntegrityOptions {
  /** Only the attachments of these sites (default: all). */
  siteIds?: number[]
}

function problemOf(a: AttachmentRecord, problem: IntegrityProblemKind): IntegrityProblem {
  const what =
    problem === 'missing'
      ? '的文件在数据目录中找不到了'
      : problem === 'size-mismatch'
        ? '的文件大小与添加时不同，文件已损坏或被改动'
        : '的文件内容与添加时不同（SHA-256 校验不符），文件已损坏或被改动'
  return {
    attachmentId: a.id,
    siteId: a.siteId,
    sha256: a.sha256,
    originalName: a.originalName,
    problem,
    message: `附件“${a.originalName}”${what}，请删除该附件后重新添加`,
  }
}

/** Does each stored file exist with the size recorded? */
export function quickCheck(app: AppContext, options: IntegrityOptions = {}): IntegrityProblem[] {
  const problems: IntegrityProblem[] = []
  const seen = new Map<string, ReturnType<typeof quickCheckStored>>()
  for (const a of listAttachments(app.db, options)) {
    if (!seen.has(a.sha256)) seen.set(a.sha256, quickCheckStored(app.dataDir, a.sha256, a.size))
    const result = seen.get(a.sha256)
    if (result) problems.push(problemOf(a, result))
  }
  return problems
}

export interface DeepCheckOptions extends IntegrityOptions {
  signal?: AbortSignal
  /** Called after each distinct stored file: (files done, files in all). */
  onProgress?(done: number, total: number): void
}

/**
 * Re-hash every stored file, streaming, each distinct file once however many attachments share it. A
 * missing or resized file is reported as such without reading it.
 */
export async function deepCheck(app: AppContext, options: DeepCheckOptions = {}): Promise<IntegrityProblem[]> {
  const attachments = listAttachments(app.db, options)
  const bySha = new Map<string, AttachmentRecord[]>()
  for (const a of attachments) {
    const list = bySha.get(a.sha256)
    if (list) list.push(a)
    else bySha.set(a.sha256, [a])
  }
  const result = new Map<string, IntegrityProblemKind | null>()
  let done = 0
  for (const [sha256, list] of bySha) {
    if (options.signal?.aborted) throw cancelled()
    let problem: IntegrityProblemKind | null = quickCheckStored(app.dataDir, sha256, list[0].size)
    if (!problem) {
      let actual: string | null
      try {
        actual = await hashStored(app.dataDir, sha256, options.signal)
      } catch (error) {
        if (options.signal?.aborted) throw cancelled()
        throw error
      }
      problem = actual === null ? 'missing' : actual === sha256 ? null : 'hash-mismatch'
    }
    result.set(sha256, problem)
    options.onProgress?.(++done, bySha.size)
  }
  return attachments.flatMap((a) => {
    const problem = result.get(a.sha256)
    return problem ? [problemOf(a, problem)] : []
  })
}
