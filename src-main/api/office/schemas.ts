/**
 * Shapes shared by the office's operations (profile, province names, fingerprints, paths, diffs). Imported by
 * the renderer through the contract: zod and pure values only.
 */
import { z } from 'zod'
import { findProvince } from '../../core/association/provinces'
import { PROBLEMS } from '../../core/bundle/problems'

export const officeProfileSchema = z.object({
  name: z.string(),
  shortName: z.string(),
  year: z.number(),
  /** 报送截止日期 YYYY-MM-DD, set by the office; null when none was set. */
  deadline: z.string().nullable(),
})

/** 广东, 广东省 or 广东省通信行业协会 — handed to the services as the province's full name. */
export const provinceSchema = z
  .string({ error: '请填写省份' })
  .trim()
  .min(1, '请填写省份')
  .max(50, '省份名称过长')
  .refine((v) => findProvince(v) !== null, { message: '无法识别的省份，请写如“广东”或“广东省”' })
  .transform((v) => findProvince(v)!.name)

/** As typed from the sealed cover letter: 64 hex digits, spaces, colons and case free. */
export const fingerprintSchema = z
  .string({ error: '请填写公钥指纹' })
  .max(200, '指纹过长')
  .refine((v) => /^[0-9a-fA-F]{64}$/.test(v.replace(/[\s:-]+/g, '')), { message: '指纹格式不对：应为 64 位十六进制数字（可按 8 位一组用空格分开）' })

/** A path on this machine: chosen in a dialog (desktop) or handed back by /api/upload (browser mode). */
export const filePathSchema = z.string({ error: '请选择文件' }).min(1, '请选择文件').max(4096, '路径过长')
export const outPathSchema = z.string().min(1, '保存位置不能为空').max(4096, '路径过长').optional()

/** One register site by its identity; other keys are dropped, so a duplicate pair's side can be passed as it is. */
export const siteRefSchema = z.object({
  province: provinceSchema,
  code: z.string({ error: '请填写现场编号' }).trim().min(1, '请填写现场编号').max(64, '现场编号过长'),
})

export const BUNDLE_STATUSES = ['ingested', 'pending-confirmation', 'superseded'] as const
export const RECEIVE_STATUSES = ['ingested', 'pending-confirmation', 'superseded', 'refused', 'already-received'] as const

export const problemSchema = z.object({
  /** The entry of the bundle the problem is about (manifest.json for the whole bundle). */
  path: z.string(),
  kind: z.enum(PROBLEMS),
  /** The finer reason (e.g. 'wrong-year', 'unsafe-path', 'duplicate-entry'); the kind when there is none. */
  reason: z.string(),
  message: z.string(),
})

export const diffSummarySchema = z.object({ added: z.number(), withdrawn: z.number(), changed: z.number() })

export const diffSchema = z.object({
  added: z.array(z.object({ code: z.string(), name: z.string() })),
  withdrawn: z.array(z.object({ code: z.string(), name: z.string() })),
  /** One row per changed field; values as text (lists and objects as JSON), null when absent on that side. */
  changed: z.array(
    z.object({ code: z.string(), name: z.string(), field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
  ),
})
