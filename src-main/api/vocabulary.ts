/**
 * The values the renderer reads from the contract — labels and vocabularies — in a module that loads no
 * zod. contract.ts re-exports all of it; the renderer build resolves its contract imports to this file (the
 * types still come from contract.ts), so the first screen does not parse every operation's schemas.
 * Keep it free of zod and Node code.
 */
export {
  SITE_TYPES,
  SITE_TYPE_INFO,
  SITE_STATUSES,
  SITE_STATUS_LABELS,
  SITE_FIELD_LABELS,
  REQUIRED_SITE_FIELDS,
  ENTERPRISES,
  STAR_LABELS,
  starLabel,
} from '../core/sites/fields'
export { ATTACHMENT_KINDS, ATTACHMENT_KIND_LABELS, TRAINING_CLASS_LABELS } from '../core/campaign/kinds'
export { presetForYear } from '../core/campaign/presets'
export { RULE_IDS, RULE_LABELS, RULE_SEVERITY, SEVERITIES, SEVERITY_LABELS } from '../core/checks/ids'

export const RESULT_STATUSES = ['matched', 'review', 'unmatched', 'confirmed'] as const
export const RESULT_STATUS_LABELS: Record<(typeof RESULT_STATUSES)[number], string> = {
  matched: '已匹配',
  review: '待确认',
  unmatched: '未匹配',
  confirmed: '已确认',
}
export const MATCH_METHOD_LABELS = { code: '按编号', name: '按名称', manual: '人工确认' } as const
export * from './office/vocabulary'
