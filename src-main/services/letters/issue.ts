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
 *
 * The engine (issueNumbered) knows nothing of whose letters they are: a LetterBook says what a letter's
 * subject is, which counter numbers it and where it is recorded. The province's letters table is one book
 * (issueLetters below); the national office's 回执 (services/office/receipt.ts) is another.
 */
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../core/errors'
import type { LetterContent } from '../../core/letters/content'
import { formatChineseDate, formatDocNo, localIsoDate } from '../../core/letters/docNo'
import type { LetterKind, LetterRecord, LetterRepository } from '../../db/repositories/letters'
import type { Db } from '../../db/connection'
import type { AppContext } from '../context'
import type { JobHandle } from '../jobs'
import type { LayoutOptions } from './build'
import { PartialRun, type PartialWrite } from '../files/atomicWrite'
import { sha256 } from './files'

/** What issuing needs of a data folder: the province's AppContext and the office's OfficeContext both fit. */
export interface IssueContext {
  readonly dataDir: string
  readonly db: Db
  readonly actor: string
  now(): string
}

/** A letter's number and date: kept together, so a regenerated letter is the same letter. */
export interface LetterNumber {
  year: number
  seq: number
  docNo: string
  /** 成文日期, YYYY-MM-DD. */
  issuedOn: string
}

/** What the engine hands a book to record, inside the transaction that consumes the number. */
export interface IssuedLetter extends LetterNumber {
  filePath: string
  sha256: string
  generatedAt: string
  generatedBy: string
}

/** One letter to issue: its 代字, where its file goes and what it says once numbered and dated. */
export interface NumberedRequest {
  docPrefix: string
  /** The file, or a name made from the 文号 (a file named by its number, like a 回执). */
  target: string | ((docNo: string) => string)
  /** Give the letter a new number and date even when it has one (renumbering). */
  renew?: boolean
  content(docNo: string, date: string): LetterContent
}

/** Where letters of one kind are numbered and recorded. `L` is the record as the book returns it. */
export interface LetterBook<R extends NumberedRequest, L> {
  /** The letter already issued for this request's subject: its number and date are kept. */
  existing(req: R): LetterNumber | null
  /** Two requests for one subject: the second is drafted only after the first is recorded. */
  sameSubject(a: R, b: R): boolean
  /** Numbered by the same counter: a letter drafted behind an uncommitted one predicts the number after it. */
  sameSeries(a: R, b: R): boolean
  /** The number the next new letter of `year` would take; only `takeNumber` consumes it. */
  peekNumber(year: number, req: R): number
  takeNumber(year: number, req: R): number
  /** Record the letter (called inside the transaction that took its number) and return it. */
  save(req: R, letter: IssuedLetter): L
  /** The Chinese message when the number kept being taken by another writer. */
  conflictMessage: string
}

const ATTEMPTS = 5

class NumberTaken extends Error {}

interface Prepared<R extends NumberedRequest> {
  req: R
  keep: boolean
  target: string
  year: number
  seq: number
  docNo: string
  issuedOn: string
  data: Buffer
  write?: PartialWrite
}

/**
 * Issue `reqs` in order; `onIssued` is called after each letter is committed. A failure or cancel stops the run:
 * the letters committed before it stay, the one in flight leaves neither file nor record nor used number.
 */
export async function issueNumbered<R extends NumberedRequest, L>(
  app: IssueContext,
  book: LetterBook<R, L>,
  layout: LayoutOptions,
  reqs: Iterable<R>,
  job?: JobHandle,
  onIssued?: (letter: L, req: R) => void,
): Promise<L[]> {
  const run = new PartialRun(app.dataDir)
  const dirs = new Set<string>()
  const issued: L[] = []

  /** Number, date and bytes of a letter; `after` is the letter still uncommitted ahead of it. */
  const draft = async (req: R, after: Prepared<R> | null): Promise<Prepared<R>> => {
    const existing = book.existing(req)
    const keep = !!existing && !req.renew
    const issuedOn = keep ? existing.issuedOn : localIsoDate(app.now())
    const year = keep ? existing.year : Number(issuedOn.slice(0, 4))
    const ahead = after && book.sameSeries(after.req, req) && !after.keep && after.year === year ? 1 : 0
    const seq = keep ? existing.seq : book.peekNumber(year, req) + ahead
    const docNo = keep ? existing.docNo : formatDocNo(req.docPrefix, year, seq)
    const target = typeof req.target === 'string' ? req.target : req.target(docNo)
    const dir = path.dirname(target)
    if (!dirs.has(dir)) {
      fs.mkdirSync(dir, { recursive: true })
      dirs.add(dir)
    }
    // The letter builder and docx load with the first letter, not with the process (~5 MB it rarely needs).
    const { packLetter } = await import('./build')
    const data = await packLetter(req.content(docNo, formatChineseDate(issuedOn)), layout)
    return { req, keep, target, year, seq, docNo, issuedOn, data }
  }

  /** Wait for the fsync, then number, record and rename in one transaction; null when the number was taken. */
  const commit = async (p: Prepared<R>): Promise<L | null> => {
    const { req } = p
    const tmp = p.write!
    try {
      await tmp.done
      return app.db.transaction(() => {
        if (!p.keep && book.takeNumber(p.year, req) !== p.seq) throw new NumberTaken()
        const letter = book.save(req, {
          year: p.year,
          seq: p.seq,
          docNo: p.docNo,
          issuedOn: p.issuedOn,
          filePath: p.target,
          sha256: sha256(p.data),
          generatedAt: app.now(),
          generatedBy: app.actor,
        })
        // Last, inside the transaction: if the rename fails, the record and the number roll back with it.
        run.commit(tmp.path, p.target)
        return letter
      })()
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
      again.write = run.write(again.target, again.data)
      letter = await commit(again)
    }
    if (!letter) throw new AppError('conflict', book.conflictMessage)
    issued.push(letter)
    onIssued?.(letter, p.req)
  }

  let pending: Prepared<R> | null = null
  try {
    for (const req of reqs) {
      job?.throwIfCancelled()
      // Two letters for one subject: the second must see the first's record (and keep its number).
      if (pending && book.sameSubject(pending.req, req)) {
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
      next.write = run.write(next.target, next.data)
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

/** A letter of the province's letters table: 推荐函, 报送函, 评定结果通知. */
export interface IssueRequest extends NumberedRequest {
  target: string
  kind: LetterKind
  siteId: number | null
  /** The 推荐单位 of a notice (kind 'notice'), its subject; absent for other kinds. */
  recipient?: string
  campaignId: number
  params?: unknown
}

/** The province's book: one letter per subject and campaign; notices numbered apart from the rest. */
export function provinceLetterBook<R extends IssueRequest>(repo: LetterRepository): LetterBook<R, LetterRecord> {
  return {
    existing: (req) => repo.forSubject(req.campaignId, req.kind, req.siteId, req.recipient ?? null),
    sameSubject: (a, b) =>
      a.campaignId === b.campaignId && a.kind === b.kind && (a.siteId ?? 0) === (b.siteId ?? 0) && (a.recipient ?? '') === (b.recipient ?? ''),
    sameSeries: (a, b) => (a.kind === 'notice') === (b.kind === 'notice'),
    peekNumber: (year, req) => repo.peekNumber(year, req.kind),
    takeNumber: (year, req) => repo.takeNumber(year, req.kind),
    save: (req, letter) =>
      repo.get(
        repo.save({
          ...letter,
          kind: req.kind,
          siteId: req.siteId,
          recipient: req.recipient ?? null,
          campaignId: req.campaignId,
          params: req.params ?? null,
        }),
      )!,
    conflictMessage: '文号分配冲突（另一个程序正在同时生成推荐函），请稍后重试',
  }
}

export function issueLetters<R extends IssueRequest>(
  app: AppContext,
  repo: LetterRepository,
  layout: LayoutOptions,
  reqs: Iterable<R>,
  job?: JobHandle,
  onIssued?: (letter: LetterRecord, req: R) => void,
): Promise<LetterRecord[]> {
  return issueNumbered(app, provinceLetterBook<R>(repo), layout, reqs, job, onIssued)
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
