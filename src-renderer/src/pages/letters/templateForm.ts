import type { OpInput, OpOutput } from '@contract'
import { ApiError } from '../../api'

export type LetterSettingsView = OpOutput<'letters.templates.get'>
export type LetterSettingsInput = OpInput<'letters.templates.save'>
export type FontKey = keyof LetterSettingsInput['fonts']
export type TemplateKey = keyof LetterSettingsInput['templates']

export const FORMAT_OPTIONS = [
  { value: 'letter', label: '信函格式' },
  { value: 'file', label: '文件格式' },
] as const

export const FONT_FIELDS: { key: FontKey; label: string }[] = [
  { key: 'body', label: '正文字体' },
  { key: 'heading', label: '黑体字体' },
  { key: 'kai', label: '楷体字体' },
  { key: 'title', label: '标题字体' },
  { key: 'latin', label: '西文字体' },
  { key: 'pageNumber', label: '页码字体' },
]

export const TEMPLATE_FIELDS: { key: TemplateKey; label: string; rows: number }[] = [
  { key: 'siteTitle', label: '推荐函标题', rows: 1 },
  { key: 'siteBody', label: '推荐函正文', rows: 6 },
  { key: 'coverTitle', label: '报送函标题', rows: 1 },
  { key: 'coverBody', label: '报送函正文', rows: 5 },
]

export const toInput = (s: LetterSettingsView): LetterSettingsInput => ({ format: s.format, fonts: { ...s.fonts }, templates: { ...s.templates } })

/** An invalid-input error's problems by their full path ("templates.siteBody", "fonts.body"). */
export function problemsByPath(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {}
  const problems = (error.details as { problems?: unknown } | null | undefined)?.problems
  if (!Array.isArray(problems)) return {}
  const out: Record<string, string> = {}
  for (const p of problems as { field?: unknown; message?: unknown }[]) {
    if (typeof p.field === 'string' && typeof p.message === 'string' && !out[p.field]) out[p.field] = p.message
  }
  return out
}

/** Put `{field}` where the caret is (replacing a selection); returns the new text and caret position. */
export function insertAt(text: string, start: number, end: number, field: string): { text: string; caret: number } {
  const token = `{${field}}`
  return { text: text.slice(0, start) + token + text.slice(end), caret: start + token.length }
}
