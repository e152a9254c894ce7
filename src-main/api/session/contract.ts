/**
 * The session a door holds: one data folder, opened either as a province's (省级协会) or as the national
 * office's (全国推进办公室). These two operations work in both roles; every other operation belongs to one role
 * and is refused in the other with `{ code: 'wrong-role' }`.
 * Imported by the renderer: zod and pure values only.
 */
import { z } from 'zod'
import { defineOps } from '../define'
import { officeProfileSchema } from '../office/schemas'

export const ROLES = ['province', 'office'] as const
export type Role = (typeof ROLES)[number]

export const sessionSchema = z.object({
  role: z.enum(ROLES),
  /** Only for a province folder nothing was done in yet (no association, sites, imports or logged work). */
  canBecomeOffice: z.boolean(),
  dataDir: z.string(),
})

const officeNameSchema = z
  .string({ error: '请填写推进办公室名称' })
  .trim()
  .min(1, '请填写推进办公室名称')
  .max(100, '推进办公室名称过长（最多 100 字）')
const officeShortSchema = z
  .string({ error: '请填写推进办公室简称' })
  .trim()
  .min(1, '请填写推进办公室简称')
  .max(20, '推进办公室简称过长（最多 20 字）')
const yearSchema = z.number({ error: '活动年度应为整数' }).int('活动年度应为整数').min(2000, '活动年度应在 2000–2100 之间').max(2100, '活动年度应在 2000–2100 之间')

export const sessionOps = defineOps({
  'session.get': {
    title: '读取当前角色',
    input: z.object({}).strict(),
    output: sessionSchema,
  },
  'session.becomeOffice': {
    title: '设为全国推进办公室',
    input: z.object({ name: officeNameSchema, shortName: officeShortSchema, year: yearSchema.optional() }).strict(),
    output: sessionSchema.extend({ profile: officeProfileSchema }),
  },
})
