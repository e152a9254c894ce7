import { z } from 'zod'
import { LETTER_FORMATS, letterFontsSchema, letterTemplatesSchema } from '../../core/letters/settings'
import { defineOps, idListSchema, idSchema } from '../define'

const letterRefSchema = z.object({ siteId: z.number(), siteCode: z.string(), path: z.string(), docNo: z.string() })

export const skippedSiteSchema = z.object({
  siteId: z.number(),
  siteCode: z.string(),
  siteName: z.string(),
  reasons: z.array(z.string()),
})

export const letterListItemSchema = z.object({
  id: z.number(),
  kind: z.enum(['site', 'cover']),
  siteId: z.number().nullable(),
  siteCode: z.string().nullable(),
  siteName: z.string().nullable(),
  docNo: z.string(),
  path: z.string(),
  issuedOn: z.string(),
  generatedAt: z.string(),
  generatedBy: z.string(),
})

export const letterSettingsOutputSchema = z.object({
  format: z.enum(LETTER_FORMATS),
  fonts: z.object({ body: z.string(), heading: z.string(), kai: z.string(), title: z.string(), latin: z.string(), pageNumber: z.string() }),
  templates: z.object({ siteTitle: z.string(), siteBody: z.string(), coverTitle: z.string(), coverBody: z.string() }),
  /** The fields a template may use, with what each holds, for the editor's help. */
  fields: z.record(z.string(), z.string()),
})

const previewTemplateSchema = z
  .object({
    siteTitle: z.string().max(200, '标题过长（最多 200 字）'),
    siteBody: z.string().max(5000, '正文过长（最多 5000 字）'),
  })
  .partial()
  .strict()

const fingerprintSchema = z.string().max(200, '公钥指纹过长（最多 200 字）')

export const lettersOps = defineOps({
  'letters.generate': {
    title: '生成推荐函',
    job: true,
    input: z
      .object({
        siteIds: idListSchema.optional(),
        /** Folder for the letters (the CLI's --out); default dataDir/outputs/推荐函. */
        outDir: z.string().min(1).max(4096, '路径过长').optional(),
      })
      .strict(),
    output: z.object({ generated: z.array(letterRefSchema), skipped: z.array(skippedSiteSchema) }),
  },
  'letters.cover': {
    title: '生成报送函',
    input: z.object({ siteIds: idListSchema.optional(), fingerprint: fingerprintSchema.optional() }).strict(),
    output: z.object({ path: z.string(), docNo: z.string() }),
  },
  'letters.list': {
    title: '读取推荐函列表',
    input: z.object({}).strict(),
    output: z.object({ letters: z.array(letterListItemSchema) }),
  },
  'letters.renumber': {
    title: '推荐函重新编号',
    input: z.object({ letterId: idSchema }).strict(),
    output: z.object({ path: z.string(), docNo: z.string(), previousDocNo: z.string() }),
  },
  'letters.templates.get': { title: '读取推荐函模板', input: z.object({}).strict(), output: letterSettingsOutputSchema },
  'letters.templates.save': {
    title: '保存推荐函模板',
    input: z.object({ format: z.enum(LETTER_FORMATS, { error: '公文格式应为“信函格式”或“文件格式”' }), fonts: letterFontsSchema, templates: letterTemplatesSchema }).strict(),
    output: letterSettingsOutputSchema,
  },
  'letters.preview': {
    title: '预览推荐函',
    input: z.object({ siteId: idSchema.optional(), template: previewTemplateSchema.optional() }).strict(),
    output: z.object({ title: z.string(), docNo: z.string(), paragraphs: z.array(z.string()), text: z.string() }),
  },
})
