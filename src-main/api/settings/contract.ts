import { z } from 'zod'
import { campaignConfigSchema } from '../../core/campaign/preset'
import { defineOps } from '../define'

const text = (label: string, max = 200) => z.string({ error: `${label}应为文字` }).max(max, `${label}过长（最多 ${max} 字）`)

export const associationInputSchema = z.object({
  name: text('协会名称'),
  shortName: text('简称', 50),
  province: text('省份', 50),
  docPrefix: text('文号前缀', 50).optional(),
  address: text('地址').optional(),
  contact: text('联系人', 50).optional(),
  phone: text('电话', 50).optional(),
})

export const associationSchema = z.object({
  name: z.string(),
  shortName: z.string(),
  province: z.string(),
  docPrefix: z.string(),
  address: z.string(),
  contact: z.string(),
  phone: z.string(),
  updatedAt: z.string(),
})

export const campaignSchema = z.object({
  id: z.number(),
  year: z.number(),
  active: z.boolean(),
  config: campaignConfigSchema,
})

export const settingsSchema = z.object({
  association: associationSchema.nullable(),
  campaign: campaignSchema.nullable(),
  dataDir: z.string(),
  version: z.string(),
  provinces: z.array(z.object({ name: z.string(), short: z.string(), code: z.string() })),
})

export const settingsOps = defineOps({
  'settings.get': { title: '读取设置', input: z.object({}).strict(), output: settingsSchema },
  'settings.saveAssociation': {
    title: '保存协会信息',
    input: z.object({ association: associationInputSchema, year: z.number().int().min(2000).max(2100).optional() }).strict(),
    output: settingsSchema,
  },
})
