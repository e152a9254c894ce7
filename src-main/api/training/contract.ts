import { z } from 'zod'
import { TRAINING_CLASSES } from '../../core/campaign/preset'
import { defineOps, idListSchema, idSchema } from '../define'

export const trainingRecordSchema = z.object({
  id: z.number(),
  trainee: z.string(),
  workUnit: z.string(),
  certificateNo: z.string(),
  class: z.enum(TRAINING_CLASSES),
  classLabel: z.string(),
  issuedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})

const text = (label: string, max: number) =>
  z.string({ error: `${label}应为文字` }).max(max, `${label}过长（最多 ${max} 字）`)

/** As typed in the form or read from a roster; the domain reader normalises and judges it. */
export const trainingDraftSchema = z
  .object({
    id: idSchema.optional(),
    trainee: text('姓名', 200),
    workUnit: text('工作单位', 500).nullable().optional(),
    certificateNo: z.union([text('证书编号', 200), z.number()], { error: '证书编号应为文字' }),
    // A code (hall) or a label as written on a roster (营业厅星级评定培训班): the reader decides.
    class: text('培训班', 100),
    issuedOn: z.union([text('发证日期', 50), z.number(), z.null()], { error: '发证日期应为文字或日期' }).optional(),
  })
  .strict()

export const claimedCertificateSchema = z.object({
  certificateNo: z.string(),
  record: trainingRecordSchema.nullable(),
  classAccepted: z.boolean().nullable(),
})

export const trainingOps = defineOps({
  'training.list': {
    title: '读取培训记录',
    input: z.object({ text: text('搜索内容', 200).optional() }).strict(),
    output: z.object({ records: z.array(trainingRecordSchema) }),
  },
  'training.save': {
    title: '保存培训记录',
    input: z.object({ record: trainingDraftSchema }).strict(),
    output: trainingRecordSchema,
  },
  'training.remove': {
    title: '删除培训记录',
    input: z.object({ ids: idListSchema }).strict(),
    output: z.object({ count: z.number() }),
  },
  'training.forSite': {
    title: '核对现场的培训证书',
    input: z.object({ siteId: idSchema }).strict(),
    output: z.object({ siteId: z.number(), certificates: z.array(claimedCertificateSchema) }),
  },
})
