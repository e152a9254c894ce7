/**
 * A register field's value as people read it: the site type's and the star level's Chinese names, lists joined
 * by 、. A bundle's manifest carries the type as its code (`hall`) and the level as a number (4), and those win
 * over the roster workbook's 营业厅 / 四星级 when the register is built, so every place that shows or exports a
 * register value goes through here. Anything else is shown as carried, text exactly as typed.
 */
import { SITE_TYPE_INFO, starLabel, type SiteType } from '../sites/fields'

const isSiteType = (value: unknown): value is SiteType => typeof value === 'string' && Object.hasOwn(SITE_TYPE_INFO, value)

export function fieldValueText(field: string, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (field === 'type' && isSiteType(value)) return SITE_TYPE_INFO[value].label
  if (field === 'starLevel' && typeof value === 'number' && Number.isInteger(value)) return starLabel(value)
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join('、')
  return JSON.stringify(value)
}
