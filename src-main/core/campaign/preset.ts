/** A campaign year's rules, kept as data (resources/campaigns/*.json, then the campaigns table). */
import { z } from 'zod'
import { ATTACHMENT_KINDS, TRAINING_CLASSES } from './kinds'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 YYYY-MM-DD')

export { TRAINING_CLASSES, TRAINING_CLASS_LABELS, ATTACHMENT_KINDS, ATTACHMENT_KIND_LABELS } from './kinds'
export { PRESETS, presetForYear, shiftCampaignYear } from './presets'

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
