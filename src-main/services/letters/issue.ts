/**
 * Issuing letters: each one's number, file and record, all or nothing.
 *
 * A new letter's number is predicted (counter + 1) and only consumed in the same transaction that records the
 * letter and renames its file into place. So a failed or cancelled letter burns no number and leaves no file;
 * and if another writer took the number meanwhile, the letter is rebuilt with the next one.
 *
 * A run of letters is pipelined: while letter n's bytes are written and fsync'd off the main thread, letter
 * n+1 is built and packed (CPU-bound) on it. Commits stay one letter per transaction, in order, each only after
 * that letter's file is fsync'd — so a kill leaves at most the one letter being committed on disk without its
 * record, and numbers are consumed without gaps. Letter n+1's number is predicted as n's + 1; if n was not
 * committed with the number it predicted, n+1's commit sees the mismatch and is rebuilt like any other conflict.
 */
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../core/errors'
import type { LetterContent } from '../../core/letters/content'
import { formatChineseDate, formatDocNo, localIsoDate } from '../../core/letters/docNo'
import type { LetterKind, LetterRecord, LetterRepository } from '../../db/repositories/letters'
import type { AppContext } from '../context'
import type { JobHandle } from '../jobs'
import { packLetter, type LayoutOptions } from './build'
import { PartialRun, type PartialWrite } from '../files/atomicWrite'
import { sha256 } from './files'

export interface IssueRequest {
  kind: LetterKind
  siteId: number | null
  /** The 推荐单位 of a notice (kind 'notice'), its subject; absent for other kinds. */
  recipient?: string
  campaignId: number
  docPrefix: string
  target: string
  params?: unknown
  /** Give the letter a new number and date even when it has one (renumbering). */
  renew?: boolean
  content(docNo: string, date: string): LetterContent
}

const ATTEMPTS = 5

class NumberTaken extends Error {}

interface Prepared<R extends IssueRequest = IssueRequest> {
  req: R
  keep: boolean
  year: number
  seq: number
  docNo: string
  issuedOn: string
  data: Buffer
  write?: PartialWrite
}

const sameSubject = (a: IssueRequest, b: IssueRequest) =>
  a.campaignId === b.campaignId && a.kind === b.kind && (a.siteId ?? 0) === (b.siteId ?? 0) && (a.recipient ?? '') === (b.recipient ?? '')

/**
 * Issue `reqs` in order; `onIssued` is called after each letter is committed. A failure or cancel stops the run:
 * the letters committed before it stay, the one in flight leaves neither file nor record nor used number.
 */
export async function issueLetters<R extends IssueRequest>(
  app: AppContext,
  repo: LetterRepository,
  layout: LayoutOptions,
  reqs: Iterable<R>,
  job?: JobHandle,
  onIssued?: (letter: LetterRecord, req: R) => void,
): Promise<LetterRecord[]> {
  const run = new PartialRun(app.dataDir)
  const dirs = new Set<string>()
  const issued: LetterRecord[] = []

  /** Number, date and bytes of a letter; `after` is the letter still uncommitted ahead of it. */
  const draft = async (req: R, after: Prepared<R> | null): Promise<Prepared<R>> => {
    const existing = repo.forSubject(req.campaignId, req.kind, req.siteId, req.recipient ?? null)
    const dir = path.dirname(req.target)
    if (!dirs.has(dir)) {
      fs.mkdirSync(dir, { recursive: true })
      dirs.add(dir)
    }
    const keep = !!existing && !req.renew
    const issuedOn = keep ? existing.issuedOn : localIsoDate(app.now())
    const year = keep ? existing.year : Number(issuedOn.slice(0, 4))
    const sameSeries = after && (after.req.kind === 'notice') === (req.kind === 'notice')
    const ahead = after && sameSeries && !after.keep && after.year === year ? 1 : 0
    const seq = keep ? existing.seq : repo.peekNumber(year, req.kind) + ahead
    const docNo = keep ? existing.docNo : formatDocNo(req.docPrefix, year, seq)
    const data = await packLetter(req.content(docNo, formatChineseDate(issuedOn)), layout)
    return { req, keep, year, seq, docNo, issuedOn, data }
  }

  /** Wait for the fsync, then number, record and rename in one transaction; null when the number was taken. */
  const commit = async (p: Prepared<R>): Promise<LetterRecord | null> => {
    const { req } = p
    const tmp = p.write!
    try {
      await tmp.done
      const id = app.db.transaction(() => {
        if (!p.keep && repo.takeNumber(p.year, req.kind) !== p.seq) throw new NumberTaken()
        const letterId = repo.save({
          kind: req.kind,
          siteId: req.siteId,
          recipient: req.recipient ?? null,
          campaignId: req.campaignId,
          year: p.year,
          seq: p.seq,
          docNo: p.docNo,
          issuedOn: p.issuedOn,
          filePath: req.target,
          sha256: sha256(p.data),
          params: req.params ?? null,
          generatedAt: app.now(),
          generatedBy: app.actor,
        })
        // Last, inside the transaction: if the rename fails, the record and the number roll back with it.
        run.commit(tmp.path, req.target)
        return letterId
      })()
      return repo.get(id)!
    } catch (error) {
      run.discard(tmp.path)
      if (error instanceof NumberTaken) return null
      throw error
    }
  }

  /** Commit `p`; if its number was taken meanwhile, rebuild it (alone) with the next one. */
  const finish = async (p: Prepared<R>): Promise<void> => {
    let letter = await commit(p)
    for (let attempt = 1; !letter && attempt < ATTEMPTS; attempt++) {
      const again = await draft(p.req, null)
      job?.throwIfCancelled()
      again.write = run.write(again.req.target, again.data)
      letter = await commit(again)
    }
    if (!letter) throw new AppError('conflict', '文号分配冲突（另一个程序正在同时生成推荐函），请稍后重试')
    issued.push(letter)
    onIssued?.(letter, p.req)
  }

  let pending: Prepared<R> | null = null
  try {
    for (const req of reqs) {
      job?.throwIfCancelled()
      // Two letters for one subject: the second must see the first's record (and keep its number).
      if (pending && sameSubject(pending.req, req)) {
        const p: Prepared<R> = pending
        pending = null
        await finish(p)
      }
      let next: Prepared<R>
      try {
        next = await draft(req, pending)
      } catch (error) {
        // The letter ahead is packed and being written: it stays issued, as it would have been one at a time.
        if (pending && !(error instanceof AppError && error.code === 'cancelled')) {
          const p: Prepared<R> = pending
          pending = null
          await finish(p)
        }
        throw error
      }
      if (pending) {
        const p: Prepared<R> = pending
        pending = null
        await finish(p)
      }
      job?.throwIfCancelled()
      next.write = run.write(req.target, next.data)
      pending = next
    }
    if (pending) {
      const p: Prepared<R> = pending
      pending = null
      await finish(p)
    }
  } finally {
    if (pending?.write) {
      await pending.write.done.catch(() => undefined)
      run.discard(pending.write.path)
    }
    run.close()
  }
  return issued
}

export async function issueLetter(
  app: AppContext,
  repo: LetterRepository,
  layout: LayoutOptions,
  req: IssueRequest,
  job?: JobHandle,
): Promise<LetterRecord> {
  const [letter] = await issueLetters(app, repo, layout, [req], job)
  return letter
}
