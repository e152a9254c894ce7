/**
 * The office's 回执 for a received bundle: a 信函格式 letter laid out by the province's letters builder and
 * issued by its numbering engine (services/letters/issue.ts) with a book of the office's own — receipts
 * numbered by the office's counter per year, one per bundle, the number and date kept when a receipt is
 * written again. The file is written through the atomic writer: a failure leaves no file, no record and no
 * used number.
 */
import fs from 'node:fs'
import path from 'node:path'
import { findProvince } from '../../core/association/provinces'
import { AppError, invalid } from '../../core/errors'
import { fsErrorCode, saveFailureMessage } from '../../core/files/fsError'
import { safeFileName } from '../../core/files/safeName'
import { DEFAULT_FONTS } from '../../core/letters/settings'
import type { BundleDiff } from '../../core/office/diff'
import { receiptContent, receiptDocPrefix } from '../../core/office/receipt'
import type { Db } from '../../db/connection'
import { bundleById, type ReceivedBundle } from '../../db/office/bundles'
import { getOfficeDocPrefix } from '../../db/office/profile'
import { sitesOfBundle } from '../../db/office/register'
import { bundleSupersededBy, peekReceiptNumber, receiptOfBundle, saveReceipt, takeReceiptNumber, type ReceiptRecord } from '../../db/office/receipts'
import { appendAudit } from '../../db/repositories/audit'
import { issueNumbered, type LetterBook, type NumberedRequest } from '../letters/issue'
import type { OfficeContext } from './context'
import { requireOfficeProfile } from './profile'

/** Receipts written without --out go here, inside the office's data folder. */
/** Under outputs/, which the browser mode serves as downloads and the desktop opens, like every other output. */
export const RECEIPTS_DIR = path.join('outputs', '回执')

export interface WrittenReceipt {
  path: string
  fileName: string
  docNumber: string
  size: number
}

interface ReceiptRequest extends NumberedRequest {
  bundle: ReceivedBundle
}

/** One receipt per bundle, one counter a year; the record and its audit line commit with the number. */
function receiptBook(office: OfficeContext): LetterBook<ReceiptRequest, ReceiptRecord> {
  const db: Db = office.db
  return {
    existing: (req) => receiptOfBundle(db, req.bundle.id),
    sameSubject: (a, b) => a.bundle.id === b.bundle.id,
    sameSeries: () => true,
    peekNumber: (year) => peekReceiptNumber(db, year),
    takeNumber: (year) => takeReceiptNumber(db, year),
    save: (req, letter) => {
      const again = receiptOfBundle(db, req.bundle.id) !== null
      const receipt = saveReceipt(db, { bundleId: req.bundle.id, ...letter })
      appendAudit(
        db,
        {
          actor: office.actor,
          action: again ? 'regenerate' : 'generate',
          entity: 'receipt',
          entityId: req.bundle.id,
          summary: `${again ? '重新生成' : '出具'}${req.bundle.province}报送包（编号 ${req.bundle.id}）的回执 ${receipt.docNo}`,
          details: { path: receipt.filePath, sha256: receipt.sha256 },
        },
        office.now(),
      )
      return receipt
    },
    conflictMessage: '回执文号分配冲突（另一个程序正在同时出具回执），请稍后重试',
  }
}

/** The bundle a receipt may be written for: received, verified and its key trusted. */
function receiptBundle(office: OfficeContext, bundleId: number): ReceivedBundle {
  const bundle = Number.isInteger(bundleId) && bundleId > 0 ? bundleById(office.db, bundleId) : null
  if (!bundle)
    throw new AppError('not-found', `找不到编号为 ${bundleId} 的报送包（编号见 office bundles；被拒收的报送包不保存，也不出具回执）`)
  if (bundle.status === 'pending-confirmation')
    throw new AppError(
      'conflict',
      `${bundle.province}的报送包（编号 ${bundle.id}）签名公钥尚未确认，还未并入全国名册，不能出具回执：请先核对盖章报送函上的公钥指纹并确认（office confirm ${bundle.id} --fingerprint 指纹）`,
    )
  return bundle
}

function outPath(out: string): string {
  const target = path.resolve(out)
  if (path.extname(target).toLowerCase() !== '.docx') throw invalid(`回执文件应以 .docx 结尾：${target}`)
  if (!fs.existsSync(path.dirname(target))) throw invalid(`保存位置的文件夹不存在：${path.dirname(target)}`)
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw invalid(`“${target}”是一个文件夹，请另选文件名`)
  return target
}

/** 回执_广东_推进办函〔2021〕1号.docx — named by its 文号, so two receipts never share a name. */
export function receiptPath(dir: string, province: string, docNo: string): string {
  const short = findProvince(province)?.short ?? province
  return path.join(dir, safeFileName(`回执_${short}_${docNo}.docx`))
}

export interface WriteReceiptOptions {
  /** The file to write (.docx); its folder must exist. */
  out?: string
  /** A folder for the file under its usual name (made when missing); default the data folder's receipts/. */
  dir?: string
}

/**
 * Write (or write again) the receipt of one bundle. A bundle seen for the first time takes the office's next
 * 文号 and today's date; a receipt written before keeps both, wherever the new file goes.
 */
export async function writeReceipt(office: OfficeContext, bundleId: number, options: WriteReceiptOptions = {}): Promise<WrittenReceipt> {
  const profile = requireOfficeProfile(office)
  const bundle = receiptBundle(office, bundleId)
  const dir = path.resolve(options.dir ?? path.join(office.dataDir, RECEIPTS_DIR))
  // The file last aimed at, to name in a failure: the numbering engine picks it from the 文号 it assigns.
  let aimedAt = options.out !== undefined ? outPath(options.out) : dir
  const target = options.out !== undefined ? aimedAt : (docNo: string) => (aimedAt = receiptPath(dir, bundle.province, docNo))
  const previous = bundleSupersededBy(office.db, bundle.id)
  const diff = bundle.diff as BundleDiff | null
  // The annex names each changed site; the diff holds names only for the added and withdrawn ones.
  const names = previous && diff?.changed.length ? Object.fromEntries(sitesOfBundle(office.db, bundle.id).map((s) => [s.code, s.name])) : undefined
  const request: ReceiptRequest = {
    bundle,
    docPrefix: receiptDocPrefix(profile.shortName, getOfficeDocPrefix(office.db)),
    target,
    content: (docNo, date) =>
      receiptContent({
        office: profile.name,
        bundle,
        superseded: previous && diff ? { originalName: previous.originalName, receivedAt: previous.receivedAt, diff, names } : undefined,
        docNo,
        date,
      }),
  }
  let receipt: ReceiptRecord
  try {
    ;[receipt] = await issueNumbered(office, receiptBook(office), { format: 'letter', fonts: DEFAULT_FONTS }, [request])
  } catch (error) {
    const code = fsErrorCode(error)
    if (!code) throw error
    // Open in Word or not ours to write: the staff can fix it and try again.
    const kind = code === 'EBUSY' || code === 'EPERM' || code === 'EACCES' ? 'conflict' : 'internal'
    throw new AppError(kind, saveFailureMessage(code, aimedAt, 'Word'))
  }
  return {
    path: receipt.filePath,
    fileName: path.basename(receipt.filePath),
    docNumber: receipt.docNo,
    size: fs.statSync(receipt.filePath).size,
  }
}

/** The receipt already written for a bundle, if any (its 文号 and file). */
export function receiptOf(office: OfficeContext, bundleId: number): ReceiptRecord | null {
  return receiptOfBundle(office.db, bundleId)
}
