/**
 * Which backups to delete. Kept: the newest KEEP_LAST, the newest of every month (so a month's only backup
 * is never deleted and a year of history stays, one file a month), and every backup taken before a restore.
 */
import { compareNewestFirst, KEPT_REASONS, type BackupName } from './names'

export const KEEP_LAST = 10

export function backupsToDelete(backups: readonly BackupName[], keepLast = KEEP_LAST): BackupName[] {
  const sorted = [...backups].sort(compareNewestFirst)
  const keep = new Set<string>(sorted.slice(0, keepLast).map((b) => b.name))
  const monthSeen = new Set<string>()
  for (const b of sorted) {
    if (!monthSeen.has(b.month)) {
      monthSeen.add(b.month)
      keep.add(b.name)
    }
    if (b.reason !== null && KEPT_REASONS.includes(b.reason)) keep.add(b.name)
  }
  return sorted.filter((b) => !keep.has(b.name))
}
