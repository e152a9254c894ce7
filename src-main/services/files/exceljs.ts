/**
 * exceljs, loaded on first use. Loading it costs a process ~20 MB of memory and a noticeable part of its
 * start-up, and most of the core's work never needs it: the checks, the register, the office's receive (the
 * roster is read by roster/xlsxLite), every CLI command that only lists. Each writer and the reader's fallback
 * awaits this instead of importing the package at the top (types still come from `import type`).
 */
import type ExcelJSModule from 'exceljs'

type ExcelJS = typeof ExcelJSModule

let loading: Promise<ExcelJS> | null = null

export function loadExcelJS(): Promise<ExcelJS> {
  // A CommonJS package: under ESM its exports arrive as `default`.
  loading ??= import('exceljs').then((m) => ((m as { default?: ExcelJS }).default ?? (m as unknown as ExcelJS)))
  return loading
}
