/** Display helpers of the 报送包 page. */
export { baseName, formatTime } from '../letters/format'

/** Bytes as a person reads them: 512 B, 12.3 KB, 4.5 MB, 1.20 GB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`
  return `${(n / 1024 ** 3).toFixed(2)} GB`
}

/** Megabytes with one decimal, for the progress line. */
export const toMB = (n: number): string => (n / 1024 / 1024).toFixed(1)

/** The fingerprint in groups of 8 hex digits (the server already spaces them; this also tolerates none). */
export function fingerprintGroups(fp: string): string[] {
  const hex = fp.replace(/\s+/g, '').toUpperCase()
  return hex.match(/.{1,8}/g) ?? []
}

/** The directory part of a path, whichever separator it uses. */
export const dirName = (p: string): string => p.replace(/[\\/][^\\/]*$/, '')

/** A path in the folder, joined with the folder's own separator (Windows or POSIX). */
export const joinPath = (dir: string, ...parts: string[]): string => {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/'
  return [dir.replace(/[\\/]+$/, ''), ...parts].join(sep)
}
