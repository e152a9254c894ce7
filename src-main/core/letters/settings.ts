/** Letter settings kept as data (app_settings 'letters'): format, font names, wording. */
import { z } from 'zod'
import { cleanDocText } from './clean'
import { DEFAULT_TEMPLATES, TEMPLATE_LABELS, unknownFields, type LetterTemplates } from './templates'

/** 'letter' = 信函格式 (GB/T 9704 §10.1, the default for 函); 'file' = 文件格式 (§7.2). */
export const LETTER_FORMATS = ['letter', 'file'] as const
export type LetterFormat = (typeof LETTER_FORMATS)[number]

/**
 * OOXML names one font per script slot with no fallback list, so the names are settings. The defaults are
 * what government recipients expect on Windows (LETTER_FORMAT.md).
 */
export interface LetterFonts {
  /** 正文 仿宋 */
  body: string
  /** 一级标题、附件标识 黑体 */
  heading: string
  /** 二级标题 楷体 */
  kai: string
  /** 标题、发文机关标志 小标宋 */
  title: string
  /** Latin letters and digits */
  latin: string
  /** 页码 宋体 */
  pageNumber: string
}

export const DEFAULT_FONTS: LetterFonts = {
  body: '仿宋_GB2312',
  heading: '黑体',
  kai: '楷体_GB2312',
  title: '方正小标宋简体',
  latin: 'Times New Roman',
  pageNumber: '宋体',
}

export const FONT_LABELS: Record<keyof LetterFonts, string> = {
  body: '正文字体',
  heading: '黑体字体',
  kai: '楷体字体',
  title: '标题字体',
  latin: '西文字体',
  pageNumber: '页码字体',
}

export interface LetterSettings {
  format: LetterFormat
  fonts: LetterFonts
  templates: LetterTemplates
}

export const DEFAULT_LETTER_SETTINGS: LetterSettings = {
  format: 'letter',
  fonts: DEFAULT_FONTS,
  templates: DEFAULT_TEMPLATES,
}

const fontName = (label: string) =>
  z
    .string({ error: `${label}应为文字` })
    .transform((s) => cleanDocText(s).trim())
    .pipe(
      z
        .string()
        .min(1, `${label}不能为空`)
        .max(64, `${label}过长（最多 64 字）`)
        .regex(/^[^<>&"]+$/, `${label}不能包含 < > & " 等符号`),
    )

const template = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .transform((s) => cleanDocText(s).replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, `${label}不能为空`).max(max, `${label}过长（最多 ${max} 字）`))
    .superRefine((s, ctx) => {
      const unknown = unknownFields(s)
      if (unknown.length)
        ctx.addIssue({ code: 'custom', message: `${label}中有无法识别的字段：${unknown.map((u) => `{${u}}`).join('、')}` })
    })

export const letterFontsSchema = z.object({
  body: fontName(FONT_LABELS.body),
  heading: fontName(FONT_LABELS.heading),
  kai: fontName(FONT_LABELS.kai),
  title: fontName(FONT_LABELS.title),
  latin: fontName(FONT_LABELS.latin),
  pageNumber: fontName(FONT_LABELS.pageNumber),
})

export const letterTemplatesSchema = z.object({
  siteTitle: template(TEMPLATE_LABELS.siteTitle, 200),
  siteBody: template(TEMPLATE_LABELS.siteBody, 5000),
  coverTitle: template(TEMPLATE_LABELS.coverTitle, 200),
  coverBody: template(TEMPLATE_LABELS.coverBody, 5000),
})

export const letterSettingsSchema = z.object({
  format: z.enum(LETTER_FORMATS, { error: '公文格式应为“信函格式”或“文件格式”' }),
  fonts: letterFontsSchema,
  templates: letterTemplatesSchema,
})

/** Stored settings merged over the defaults, so a setting added later has a value in an old database. */
export function mergeLetterSettings(stored: unknown): LetterSettings {
  const s = (stored ?? {}) as Partial<LetterSettings>
  const merged = {
    format: s.format ?? DEFAULT_LETTER_SETTINGS.format,
    fonts: { ...DEFAULT_FONTS, ...(s.fonts ?? {}) },
    templates: { ...DEFAULT_TEMPLATES, ...(s.templates ?? {}) },
  }
  const parsed = letterSettingsSchema.safeParse(merged)
  return parsed.success ? parsed.data : DEFAULT_LETTER_SETTINGS
}
