/** 全国名册: the national register (each province's latest ingested bundle), one site's drawer, exports. */
import { z } from 'zod'
import { defineOps, idSchema } from '../../define'
import { outPathSchema, provinceSchema } from '../schemas'

/** Compact, for a 10,000-row table filtered in the page: text values only, '' where the bundle had none. */
export const registerRowSchema = z.object({
  id: z.number(),
  province: z.string(),
  code: z.string(),
  name: z.string(),
  /** hall|callcenter|installation (SITE_TYPE_INFO for the label). */
  type: z.string(),
  city: z.string(),
  address: z.string(),
  enterprise: z.string(),
  recommender: z.string(),
  starLevel: z.number(),
  bundleId: z.number(),
})

export const registerFileSchema = z.object({
  /** The entry path inside the bundle: what office.register.exportFile takes. */
  path: z.string(),
  /** The file name, for display. */
  name: z.string(),
  size: z.number(),
  sha256: z.string(),
})

export const registerSiteSchema = registerRowSchema.extend({
  /** Every field the bundle carried, in the roster's column order, with its Chinese label; values as text. */
  fields: z.array(z.object({ field: z.string(), label: z.string(), value: z.string() })),
  files: z.array(registerFileSchema),
  bundle: z.object({ id: z.number(), originalName: z.string(), receivedAt: z.string(), fingerprint: z.string(), status: z.string() }),
})

export const officeRegisterOps = defineOps({
  'office.register.list': {
    title: '读取全国名册',
    input: z.object({ province: provinceSchema.optional() }).strict(),
    output: z.object({ sites: z.array(registerRowSchema) }),
  },
  'office.register.site': {
    title: '读取现场详情',
    input: z.object({ id: idSchema }).strict(),
    output: registerSiteSchema,
  },
  'office.register.exportFile': {
    title: '取出现场文件',
    input: z.object({ siteId: idSchema, entryPath: z.string({ error: '请指定文件' }).min(1, '请指定文件').max(1024, '文件路径过长') }).strict(),
    // A copy under dataDir/outputs/现场文件, checked against the signed hash: open it (desktop) or download it
    // through /api/download (browser mode), as attachments.exportCopy.
    output: z.object({ path: z.string(), name: z.string(), size: z.number() }),
  },
  'office.register.export': {
    title: '导出全国名册',
    input: z.object({ outPath: outPathSchema }).strict(),
    output: z.object({ path: z.string(), size: z.number(), sites: z.number() }),
  },
})
