/**
 * What a spreadsheet cell holds, as the readers want it: a string, a number, a Date or null. Knows the shapes
 * exceljs uses (formula with cached result, rich text runs, hyperlink with text, error values) without
 * importing exceljs, so it stays pure and testable.
 */
export type PlainCell = string | number | Date | null

export function plainCellValue(value: unknown): PlainCell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number') return value
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (value instanceof Date) return value
  if (typeof value !== 'object') return String(value)
  const v = value as Record<string, unknown>
  // Rich text: the runs joined, formatting dropped.
  if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('')
  // Hyperlink: the text shown, which may itself be rich text; a bare link shows its address.
  if ('hyperlink' in v) return plainCellValue(v.text ?? v.hyperlink)
  // Formula (plain or shared): the result Excel saved with the file; none means it was never calculated.
  if ('formula' in v || 'sharedFormula' in v) return plainCellValue(v.result)
  // Error values (#N/A, #REF!) carry no data.
  if ('error' in v) return null
  if ('text' in v) return plainCellValue(v.text)
  return null
}

/** The cell as display text, for header recognition and messages. */
export function cellText(value: PlainCell): string {
  if (value === null) return ''
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)
  return String(value)
}
