/**
 * Writing an .xlsx the user asked for: through files/atomicWrite, so a crash or a full disk never leaves a
 * half-written roster under the real name (DESIGN §2.2).
 */
import fs from 'node:fs'
import path from 'node:path'
import type ExcelJS from 'exceljs'
import { AppError, invalid } from '../../core/errors'
import { fsErrorCode, saveFailureMessage } from '../../core/files/fsError'
import type { AppContext } from '../context'
import { writeFileAtomic } from '../files/atomicWrite'

/** 'YYYYMMDD' of the app clock in local time, for default file names. */
export function dateStamp(iso: string): string {
  const d = new Date(iso)
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`
}

/** `app`: only its data folder is used, so the national office's context serves as well. */
export function resolveOutPath(app: Pick<AppContext, 'dataDir'>, outPath: string | undefined, defaultName: string): string {
  const target = outPath ? path.resolve(outPath) : path.join(app.dataDir, 'outputs', defaultName)
  if (path.extname(target).toLowerCase() !== '.xlsx') throw invalid(`输出文件应以 .xlsx 结尾：${target}`)
  const dir = path.dirname(target)
  if (!fs.existsSync(dir)) {
    if (outPath) throw invalid(`保存位置的文件夹不存在：${dir}`)
    fs.mkdirSync(dir, { recursive: true })
  }
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw invalid(`“${target}”是一个文件夹，请另选文件名`)
  return target
}

export async function writeWorkbookAtomically(app: Pick<AppContext, 'dataDir'>, workbook: ExcelJS.Workbook, target: string): Promise<number> {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
  try {
    writeFileAtomic(app.dataDir, target, buffer)
  } catch (error) {
    const code = fsErrorCode(error)
    if (!code) throw error
    // Open in Excel or not ours to write: the clerk can fix it and try again.
    const kind = code === 'EBUSY' || code === 'EPERM' || code === 'EACCES' ? 'conflict' : 'internal'
    throw new AppError(kind, saveFailureMessage(code, target, 'Excel'))
  }
  return buffer.length
}

/**
 * Text that a spreadsheet could take for a formula or a command (=, +, -, @, tab, CR at the start). We write
 * every value as a string cell, which Excel never evaluates; such cells also get the text format so that
 * editing the cell later keeps it text.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text)
}

export function setTextCell(cell: ExcelJS.Cell, text: string): void {
  cell.value = text
  if (looksLikeFormula(text)) cell.numFmt = '@'
}
