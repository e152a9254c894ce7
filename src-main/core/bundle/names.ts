/**
 * Entry names inside the bundle, made safe to extract on Windows and macOS. The receiver unzips with whatever
 * their system has (Explorer, Archive Utility, 7-Zip), so every rule here is about what those refuse or mangle.
 */
import { safeFileName } from '../files/safeName'

/** Per-segment limits: 100 characters, and 240 UTF-8 bytes because Linux/ext4 stops at 255 bytes. */
export const MAX_SEGMENT_CHARS = 100
const MAX_SEGMENT_BYTES = 240
/** Whole entry path: leaves room under Windows' 260-character MAX_PATH for the folder it is extracted into. */
export const MAX_PATH_CHARS = 200

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8')

function cut(text: string, maxChars: number): string {
  let out = ''
  let chars = 0
  for (const ch of text) {
    if (chars + 1 > maxChars || utf8Length(out + ch) > MAX_SEGMENT_BYTES) break
    out += ch
    chars++
  }
  return out
}

/** Split "报告.final.pdf" into "报告.final" and ".pdf"; an extension is short ASCII or it is not one. */
export function splitExt(name: string): { stem: string; ext: string } {
  const m = name.match(/^(.+?)(\.[A-Za-z0-9]{1,8})$/)
  return m ? { stem: m[1], ext: m[2] } : { stem: name, ext: '' }
}

/**
 * One path segment (a folder or file name), safe on Windows and macOS, at most `maxChars` characters. The
 * rules are the shared file-name rules (core/files/safeName), with slashes kept inside the segment.
 */
export function safeSegment(raw: string, maxChars = MAX_SEGMENT_CHARS): string {
  return safeFileName(raw.replace(/[\\/]/g, '_'), { maxLength: maxChars, maxBytes: MAX_SEGMENT_BYTES, fallback: '_' })
}

/**
 * Hands out entry paths, numbering collisions "name (2).ext". Windows and macOS compare names without case,
 * so "Photo.JPG" and "photo.jpg" collide too.
 */
export class EntryNamer {
  private readonly taken = new Set<string>()

  private static key(p: string): string {
    return p.normalize('NFC').toLowerCase()
  }

  /** A folder segment under `parent`, numbered "name (2)" when taken (compared without case). */
  reserveFolder(parent: string, name: string): string {
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`
      const candidate = `${parent}/${n === 1 ? name : cut(name, MAX_SEGMENT_CHARS - suffix.length) + suffix}`
      if (!this.taken.has(EntryNamer.key(candidate + '/'))) {
        this.taken.add(EntryNamer.key(candidate + '/'))
        return candidate
      }
    }
  }

  reserve(entryPath: string): string {
    const segments = entryPath.split('/')
    const last = segments.pop()!
    const dir = segments.length ? segments.join('/') + '/' : ''
    const { stem, ext } = splitExt(last)
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`
      const file = n === 1 ? last : cut(stem, MAX_SEGMENT_CHARS - suffix.length - ext.length) + suffix + ext
      const candidate = dir + file
      if (!this.taken.has(EntryNamer.key(candidate))) {
        this.taken.add(EntryNamer.key(candidate))
        return candidate
      }
    }
  }
}

/** Build a safe entry path from raw segments, keeping the whole path within MAX_PATH_CHARS. */
export function safeEntryPath(segments: string[]): string {
  const safe = segments.map((s) => safeSegment(s))
  let total = safe.join('/').length
  // Shorten the longest segment first: usually a site name or an original file name, never the fixed folders.
  while (total > MAX_PATH_CHARS) {
    let longest = 0
    for (let i = 1; i < safe.length; i++) if ([...safe[i]].length > [...safe[longest]].length) longest = i
    const len = [...safe[longest]].length
    const next = safeSegment(safe[longest], Math.max(8, len - (total - MAX_PATH_CHARS)))
    if (next === safe[longest]) break
    safe[longest] = next
    total = safe.join('/').length
  }
  return safe.join('/')
}

/** {简称}_{年度}_星级服务现场推荐材料_{YYYYMMDD}.zip, with the date in local time (what the clerk sees). */
export function bundleFileName(shortName: string, year: number, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const day = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`
  return safeSegment(`${shortName}_${year}_星级服务现场推荐材料_${day}.zip`, 150)
}

/** Why an entry name from a received zip must not be trusted (zip-slip and friends); null when it is fine. */
export function unsafeEntryReason(name: string): string | null {
  if (name.includes('\\')) return '路径中含反斜杠'
  if (name.startsWith('/')) return '绝对路径'
  if (/^[A-Za-z]:/.test(name)) return '含盘符的路径'
  if (name.split('/').some((s) => s === '..')) return '路径中含“..”'
  if (name.includes('\u0000')) return '路径中含空字符'
  return null
}
