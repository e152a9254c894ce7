/**
 * Issuing one letter: its number, its file and its record, all or nothing.
 *
 * A new letter's number is predicted (counter + 1) and only consumed in the same transaction that records the
 * letter and renames its file into place. So a failed or cancelled letter burns no number and leaves no file;
 * and if another writer took the number meanwhile, the letter is rebuilt with the next one.
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
import { sha256, writePartial } from './files'

export interface IssueRequest {
  kind: LetterKind
  siteId: number | null
  campaignId: number
  docPrefix: string
  target: string
  params?: unknown
  /** Give the letter a new number and date even when it has one (renumbering). */
  renew?: boolean
  content(docNo: string, date: string): LetterContent
}

class NumberTaken extends Error {}

export async function issueLetter(
  app: AppContext,
  repo: LetterRepository,
  layout: LayoutOptions,
  req: IssueRequest,
  job?: JobHandle,
): Promise<LetterRecord> {
  const existing = repo.forSubject(req.campaignId, req.kind, req.siteId)
  fs.mkdirSync(path.dirname(req.target), { recursive: true })
  for (let attempt = 0; attempt < 5; attempt++) {
    const keep = existing && !req.renew
    const issuedOn = keep ? existing.issuedOn : localIsoDate(app.now())
    const year = keep ? existing.year : Number(issuedOn.slice(0, 4))
    const seq = keep ? existing.seq : repo.peekNumber(year)
    const docNo = keep ? existing.docNo : formatDocNo(req.docPrefix, year, seq)
    const data = await packLetter(req.content(docNo, formatChineseDate(issuedOn)), layout)
    job?.throwIfCancelled()
    const tmp = writePartial(app.dataDir, req.target, data)
    try {
      const id = app.db.transaction(() => {
        if (!keep && repo.takeNumber(year) !== seq) throw new NumberTaken()
        const letterId = repo.save({
          kind: req.kind,
          siteId: req.siteId,
          campaignId: req.campaignId,
          year,
          seq,
          docNo,
          issuedOn,
          filePath: req.target,
          sha256: sha256(data),
          params: req.params ?? null,
          generatedAt: app.now(),
          generatedBy: app.actor,
        })
        // Last, inside the transaction: if the rename fails, the record and the number roll back with it.
        fs.renameSync(tmp.path, req.target)
        return letterId
      })()
      return repo.get(id)!
    } catch (error) {
      if (!(error instanceof NumberTaken)) throw error
    } finally {
      // Gone after the rename; after a failure the partial file goes, and its marker either way.
      tmp.discard()
    }
  }
  throw new AppError('conflict', '文号分配冲突（另一个程序正在同时生成推荐函），请稍后重试')
}
