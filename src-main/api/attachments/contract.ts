import { z } from 'zod'
import { ATTACHMENT_KINDS, ATTACHMENT_KIND_LABELS } from '../../core/campaign/preset'
import { defineOps, idSchema } from '../define'

const kindSchema = z.enum(ATTACHMENT_KINDS, {
  error: `附件类别应为：${ATTACHMENT_KINDS.map((k) => `${k}（${ATTACHMENT_KIND_LABELS[k]}）`).join('、')}`,
})

export const attachmentSchema = z.object({
  id: z.number(),
  siteId: z.number(),
  kind: z.enum(ATTACHMENT_KINDS),
  kindLabel: z.string(),
  originalName: z.string(),
  ext: z.string(),
  size: z.number(),
  mime: z.string(),
  sha256: z.string(),
  addedAt: z.string(),
})

/** What a site list carries per attachment when asked (`sites.list` with `withAttachments`). */
export const attachmentSummarySchema = z.object({
  kind: z.enum(ATTACHMENT_KINDS),
  size: z.number(),
  sha256: z.string(),
  originalName: z.string(),
})

export const folderImportSchema = z.object({
  sites: z.number(),
  added: z.number(),
  skipped: z.array(z.object({ path: z.string(), reason: z.string(), refused: z.boolean() })),
  unmatchedFolders: z.array(z.object({ path: z.string(), reason: z.string() })),
  matched: z.array(
    z.object({ folder: z.string(), siteId: z.number(), siteCode: z.string(), siteName: z.string(), added: z.number() }),
  ),
})

const offeredFileSchema = z
  .object({
    path: z.string({ error: '文件路径应为文字' }).min(1, '文件路径不能为空').max(4096, '文件路径过长'),
    name: z.string({ error: '文件名应为文字' }).max(1000, '文件名过长').optional(),
  })
  .strict()

export const attachmentsOps = defineOps({
  'attachments.list': {
    title: '读取附件',
    input: z.object({ siteId: idSchema }).strict(),
    output: z.object({ attachments: z.array(attachmentSchema) }),
  },
  'attachments.add': {
    title: '添加附件',
    // A job: 200 scans of a few MB each take a while to hash and copy; progress per file, and a cancel
    // before the last one adds nothing.
    job: true,
    input: z
      .object({
        siteId: idSchema,
        kind: kindSchema,
        files: z.array(offeredFileSchema).min(1, '请至少选择一个文件').max(200, '一次最多添加 200 个文件'),
      })
      .strict(),
    output: z.object({ attachments: z.array(attachmentSchema) }),
  },
  'attachments.remove': {
    title: '删除附件',
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ attachment: attachmentSchema, fileDeleted: z.boolean() }),
  },
  'attachments.file': {
    title: '打开附件',
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ path: z.string(), name: z.string(), mime: z.string(), size: z.number() }),
  },
  'attachments.exportCopy': {
    title: '导出附件副本',
    input: z.object({ id: idSchema }).strict(),
    // A copy under dataDir/outputs/附件 named as the person knows the file, so its program can open it.
    output: z.object({ path: z.string(), name: z.string() }),
  },
  'attachments.importFolder': {
    title: '导入附件文件夹',
    job: true,
    // A folder with one sub-folder per site, named by 现场编号 or 现场名称 (DESIGN §4).
    input: z
      .object({ path: z.string({ error: '请选择文件夹' }).min(1, '请选择文件夹').max(4096, '文件夹路径过长') })
      .strict(),
    output: folderImportSchema,
  },
})
