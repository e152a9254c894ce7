/** Display helpers shared by the office's pages. */
import { MAINLAND_PROVINCES } from '@contract'

export { formatBytes, fingerprintGroups } from '../../bundle/format'

/** An ISO time in the clerk's local time, 2021/6/1 16:00:00. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('zh-CN', { hour12: false })
}

export { starLabel } from '@contract'

/** The 31 provinces for a Select: full names, as the register stores them. */
export const PROVINCE_OPTIONS = MAINLAND_PROVINCES.map((p) => ({ value: p, label: p }))

/** The file name of a path, whichever separator it uses. */
export const baseName = (p: string): string => p.split(/[\\/]/).pop() ?? p
