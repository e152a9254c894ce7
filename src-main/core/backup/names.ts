/**
 * Backup file names carry their own date: starsite-YYYYMMDD-HHMMSS[-reason][_N].db (local time, the clerk's
 * clock). Rotation and "is there a backup from today" read the name, never the file's mtime, which a copy to
 * a USB stick or a restore from a cloud folder would change. Pure: the renderer may import this too.
 */

/** What a reason may look like: short lowercase words, so it is safe in a file name on every system. */
export const BACKUP_REASON = /^[a-z0-9][a-z0-9-]{0,39}$/

const NAME = /^starsite-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-([a-z0-9][a-z0-9-]*?))?(?:_(\d{1,4}))?\.db$/

/**
 * Reasons whose backups rotation never deletes: the data as it was before a restore replaced it, or before an
 * upgrade of the program migrated it (the only copy an older version can still open).
 */
export const KEPT_REASONS: readonly string[] = ['before-restore', 'before-migrate']

export interface BackupName {
  name: string
  /** 'YYYYMMDD-HHMMSS', sorts like time. */
  stamp: string
  /** 'YYYYMMDD' */
  day: string
  /** 'YYYYMM' */
  month: string
  reason: string | null
  /** Tie-breaker when two backups share a second (1 for the first). */
  seq: number
  /** The local time the name states. */
  time: Date
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** 'YYYYMMDD' of a moment in local time. */
export function dayStamp(at: Date): string {
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`
}

export function backupFileName(at: Date, reason?: string | null, seq = 1): string {
  if (reason && !BACKUP_REASON.test(reason)) throw new Error(`internal: bad backup reason ${JSON.stringify(reason)}`)
  const stamp = `${dayStamp(at)}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`
  return `starsite-${stamp}${reason ? `-${reason}` : ''}${seq > 1 ? `_${seq}` : ''}.db`
}

/** The facts a backup's name states, or null for any other file (those are never touched). */
export function parseBackupName(name: string): BackupName | null {
  const m = name.match(NAME)
  if (!m) return null
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number)
  const time = new Date(y, mo - 1, d, h, mi, s)
  // Reject impossible dates (20210231) instead of letting Date roll them over into another month.
  if (time.getFullYear() !== y || time.getMonth() !== mo - 1 || time.getDate() !== d || h > 23 || mi > 59 || s > 59)
    return null
  return {
    name,
    stamp: `${m[1]}${m[2]}${m[3]}-${m[4]}${m[5]}${m[6]}`,
    day: `${m[1]}${m[2]}${m[3]}`,
    month: `${m[1]}${m[2]}`,
    reason: m[7] ?? null,
    seq: m[8] ? Number(m[8]) : 1,
    time,
  }
}

/** Newest first. */
export function compareNewestFirst(a: BackupName, b: BackupName): number {
  if (a.stamp !== b.stamp) return a.stamp < b.stamp ? 1 : -1
  return b.seq - a.seq
}
