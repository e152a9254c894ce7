import { ApiError } from '../../../api'
import type { Settings } from '@contract'

export type Campaign = NonNullable<Settings['campaign']>
export type CampaignConfig = Campaign['config']
/** Problems by path inside the config, e.g. `applicationWindow.end`, `resultBatches.0.name`. */
export type Problems = Record<string, string>

const ISO = /^\d{4}-\d{2}-\d{2}$/

/** What the person can be told before asking the core (which checks everything again). */
export function validate(c: CampaignConfig): Problems {
  const p: Problems = {}
  if (!c.name.trim()) p.name = '请填写活动名称'
  if (!ISO.test(c.applicationWindow.start)) p['applicationWindow.start'] = '请选择申报开始日期'
  if (!ISO.test(c.applicationWindow.end)) p['applicationWindow.end'] = '请选择申报截止日期'
  else if (c.applicationWindow.start > c.applicationWindow.end) p['applicationWindow.end'] = '截止日期不能早于开始日期'
  c.resultBatches.forEach((b, i) => {
    if (!b.name.trim()) p[`resultBatches.${i}.name`] = '请填写批次名称'
    if (!ISO.test(b.due)) p[`resultBatches.${i}.due`] = '请选择日期'
  })
  if (c.starLevels.length === 0) p.starLevels = '至少选择一个可申报星级'
  if (c.attachmentTypes.length === 0) p.attachmentTypes = '至少允许一种附件类型'
  if (!(c.maxAttachmentMb > 0)) p.maxAttachmentMb = '请填写大于 0 的大小'
  if (!c.nationalOffice.name.trim()) p['nationalOffice.name'] = '请填写推进办公室名称'
  return p
}

/** The core's field problems (`config.resultBatches.0.due`) keyed by their path inside the config. */
export function serverProblems(error: unknown): Problems {
  if (!(error instanceof ApiError)) return {}
  const list = (error.details as { problems?: unknown } | null | undefined)?.problems
  if (!Array.isArray(list)) return {}
  const out: Problems = {}
  for (const item of list) {
    const { field, message } = (item ?? {}) as { field?: unknown; message?: unknown }
    if (typeof field !== 'string' || typeof message !== 'string') continue
    const key = field.replace(/^config\.?/, '')
    if (!out[key]) out[key] = message
  }
  // The window's own rule (start after end) names the window as a whole: show it at the end date.
  if (out.applicationWindow && !out['applicationWindow.end']) out['applicationWindow.end'] = out.applicationWindow
  return out
}

/** Extensions as typed: lower case, no dot, no duplicates. */
export const normaliseTypes = (types: string[]): string[] =>
  [...new Set(types.map((t) => t.trim().toLowerCase().replace(/^\.+/, '')).filter(Boolean))]
