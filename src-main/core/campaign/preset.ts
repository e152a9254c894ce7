/** A campaign year's rules, kept as data (resources/campaigns/*.json, then the campaigns table). */
import { z } from 'zod'
import preset2021 from '../../../resources/campaigns/2021.json'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 YYYY-MM-DD')

export const TRAINING_CLASSES = ['lecturer', 'hall', 'installation', 'callcenter'] as const
export const TRAINING_CLASS_LABELS: Record<(typeof TRAINING_CLASSES)[number], string> = {
  lecturer: '标准宣讲师培训班',
  hall: '营业厅星级评定培训班',
  installation: '装维中心星级评定培训班',
  callcenter: '客服中心培训班',
}

export const ATTACHMENT_KINDS = [
  'superior-letter',
  'training-certificate',
  'lecturer-letter',
  'self-assessment',
  'photo',
  'other',
] as const
export const ATTACHMENT_KIND_LABELS: Record<(typeof ATTACHMENT_KINDS)[number], string> = {
  'superior-letter': '上级部门推荐函',
  'training-certificate': '培训合格证书',
  'lecturer-letter': '标准宣讲师推荐信',
  'self-assessment': '自评报告',
  photo: '现场照片',
  other: '其他',
}

export const campaignConfigSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    name: z.string().min(1).max(200),
    noticeNo: z.string().max(100).default(''),
    applicationWindow: z.object({ start: isoDate, end: isoDate }),
    resultBatches: z.array(z.object({ name: z.string().min(1).max(50), due: isoDate })).max(12),
    starLevels: z.array(z.number().int().min(1).max(7)).min(1),
    requiredAttachments: z.array(z.enum(ATTACHMENT_KINDS)),
    trainingProof: z.object({ certificate: z.boolean(), lecturerLetter: z.boolean() }),
    acceptedClasses: z.object({
      hall: z.array(z.enum(TRAINING_CLASSES)),
      callcenter: z.array(z.enum(TRAINING_CLASSES)),
      installation: z.array(z.enum(TRAINING_CLASSES)),
    }),
    attachmentTypes: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).min(1),
    maxAttachmentMb: z.number().positive().max(2048),
    nationalOffice: z.object({
      name: z.string().min(1).max(200),
      shortName: z.string().max(50).default(''),
      address: z.string().max(200).default(''),
      contacts: z.array(z.object({ name: z.string().max(50), phone: z.string().max(50) })).max(10),
      email: z.string().max(100).default(''),
    }),
  })
  .refine((c) => c.applicationWindow.start <= c.applicationWindow.end, {
    message: '申报开始日期不能晚于截止日期',
    path: ['applicationWindow'],
  })

export type CampaignConfig = z.infer<typeof campaignConfigSchema>

export const PRESETS: Record<number, CampaignConfig> = {
  2021: campaignConfigSchema.parse(preset2021),
}

/** The preset for a year: the nearest earlier preset with its dates moved to that year. */
export function presetForYear(year: number): CampaignConfig {
  if (PRESETS[year]) return structuredClone(PRESETS[year])
  const base = PRESETS[2021]
  return shiftCampaignYear(base, year)
}

export function shiftCampaignYear(config: CampaignConfig, year: number): CampaignConfig {
  const delta = year - config.year
  const shift = (iso: string) => `${Number(iso.slice(0, 4)) + delta}${iso.slice(4)}`
  return {
    ...structuredClone(config),
    year,
    name: config.name.replace(String(config.year), String(year)),
    noticeNo: '',
    applicationWindow: { start: shift(config.applicationWindow.start), end: shift(config.applicationWindow.end) },
    resultBatches: config.resultBatches.map((b) => ({ ...b, due: shift(b.due) })),
  }
}
