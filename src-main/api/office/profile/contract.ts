/** The office's profile (name, year, 报送截止日期) and the 总览 page's counts. */
import { z } from 'zod'
import { defineOps } from '../../define'
import { officeProfileSchema } from '../schemas'

const count = z.object({ key: z.string(), label: z.string(), sites: z.number() })

export const officeOverviewSchema = z.object({
  profile: officeProfileSchema,
  /** Days from today (the office's clock) to the deadline; negative once it has passed; null without one. */
  daysLeft: z.number().nullable(),
  totals: z.object({
    sites: z.number(),
    /** Provinces whose bundle is in the register. */
    provinces: z.number(),
    /** Bundles waiting for a person to confirm their key (待确认). */
    pending: z.number(),
    bundles: z.number(),
  }),
  byProvince: z.array(
    z.object({
      province: z.string(),
      sites: z.number(),
      /** The bundle the register shows for the province; null when only pending ones arrived. */
      bundleId: z.number().nullable(),
      receivedAt: z.string().nullable(),
      pending: z.number(),
    }),
  ),
  /** key: hall|callcenter|installation (label 营业厅…). */
  byType: z.array(count),
  /** key: the declared star level as text ("5"); label 五星级. */
  byStar: z.array(count),
  /** 所属企业 (the operator): key and label are the name as the bundles carry it ('' → 未填写). */
  byEnterprise: z.array(count),
  /** 推荐单位. */
  byRecommender: z.array(count),
  /** Mainland provinces that have sent nothing at all yet (not even a pending or refused-then-resent bundle). */
  missing: z.array(z.string()),
})

const deadlineSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期应写成 YYYY-MM-DD，如 2021-05-31')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { message: '截止日期不是有效的日期' })

export const officeProfileOps = defineOps({
  'office.profile.get': {
    title: '读取推进办公室信息',
    input: z.object({}).strict(),
    output: officeProfileSchema,
  },
  'office.profile.update': {
    title: '修改推进办公室信息',
    input: z
      .object({
        name: z.string().trim().min(1, '推进办公室名称不能为空').max(100, '推进办公室名称过长（最多 100 字）').optional(),
        shortName: z.string().trim().min(1, '推进办公室简称不能为空').max(20, '推进办公室简称过长（最多 20 字）').optional(),
        year: z.number({ error: '活动年度应为整数' }).int('活动年度应为整数').min(2000, '活动年度应在 2000–2100 之间').max(2100, '活动年度应在 2000–2100 之间').optional(),
        /** null clears the deadline. */
        deadline: deadlineSchema.nullable().optional(),
      })
      .strict(),
    output: officeProfileSchema,
  },
  'office.overview': {
    title: '读取总览',
    input: z.object({}).strict(),
    output: officeOverviewSchema,
  },
})
