/**
 * Reading a workbook the user chose: the bytes are read once, hashed, inspected and handed to exceljs from
 * that same buffer, so what is checked, what is parsed and what the hash names are the same bytes.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type ExcelJS from 'exceljs'
import { invalid } from '../../core/errors'
import { fsErrorCode, IMPORTING_WORKBOOK, readFailureMessage } from '../../core/files/fsError'
import { MB, ROSTER_LIMITS } from './limits'
import { inspectWorkbook } from './safety'
import { fromExcelJs, fromLite, type TableBook } from './sheetTable'
import { isLitePart, readLiteWorkbook } from './xlsxLite'
import { loadExcelJS } from '../files/exceljs'

export interface WorkbookFile {
  path: string
  fileName: string
  buffer: Buffer
  sha256: string
}

export function readWorkbookFile(filePath: string): WorkbookFile {
  const fileName = path.basename(filePath)
  let stat: fs.Stats
  try {
    stat = fs.statSync(filePath)
  } catch (error) {
    const code = fsErrorCode(error)
    if (code === 'ENOENT') throw invalid(`找不到文件“${filePath}”，请确认路径是否正确`)
    throw invalid(readFailureMessage(code, fileName, IMPORTING_WORKBOOK))
  }
  if (!stat.isFile()) throw invalid(`“${filePath}”不是文件，请选择一个 .xlsx 工作簿`)
  if (stat.size === 0) throw invalid(`“${fileName}”是空文件，不是 Excel 工作簿（.xlsx）`)
  if (stat.size > ROSTER_LIMITS.maxFileMb * MB)
    throw invalid(
      `“${fileName}”有 ${(stat.size / MB).toFixed(1)} MB，超过 ${ROSTER_LIMITS.maxFileMb} MB 的上限；推荐汇总表一般只有几 MB，请删除表中的图片等内容后再导入`,
    )
  let buffer: Buffer
  try {
    buffer = fs.readFileSync(filePath)
  } catch (error) {
    throw invalid(readFailureMessage(fsErrorCode(error), fileName, IMPORTING_WORKBOOK))
  }
  return { path: filePath, fileName, buffer, sha256: sha256Of(buffer) }
}

export function sha256Of(buffer: Buffer): string {
  return createHash('sha256').update(buffer).digest('hex')
}

/**
 * Inspect, then read: the cells straight from the sheet XML the inspection inflated (xlsxLite), or, when that
 * reader does not recognise something in the file, with exceljs's full model. Anything exceljs still chokes
 * on is reported as a damaged file.
 */
export async function loadWorkbook(file: WorkbookFile): Promise<TableBook> {
  const parts = await inspectWorkbook(file.buffer, file.fileName, isLitePart)
  const lite = readLiteWorkbook(parts)
  if (lite) return fromLite(lite)
  return fromExcelJs(await loadExcelJs(file))
}

async function loadExcelJs(file: WorkbookFile): Promise<ExcelJS.Workbook> {
  const workbook = new (await loadExcelJS()).Workbook()
  try {
    await workbook.xlsx.load(file.buffer as unknown as ArrayBuffer)
  } catch {
    throw invalid(`“${file.fileName}”无法作为 Excel 工作簿读取（文件可能已损坏），请在 Excel 中打开后重新保存为 .xlsx 再导入`)
  }
  return workbook
}
