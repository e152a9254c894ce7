/** File sizes as a clerk reads them. Binary units (1 MB = 1024 × 1024 bytes), as Explorer and Finder count. */

export const MB = 1024 * 1024

/** "512 字节", "35 KB", "1.2 MB", "1.5 GB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`
  if (bytes < MB) return `${Math.round(bytes / 1024)} KB`
  if (bytes < 1024 * MB) return `${(bytes / MB).toFixed(1)} MB`
  return `${(bytes / (1024 * MB)).toFixed(1)} GB`
}

/**
 * A size that is over a limit, in MB with one decimal, rounded up: a file of 50.01 MB must not read as
 * "50.0 MB, over the 50 MB limit".
 */
export function formatOverLimitMb(bytes: number): string {
  return (Math.ceil((bytes / MB) * 10) / 10).toFixed(1)
}

/** A limit as configured: 50 -> "50", 0.5 -> "0.5". */
export function formatLimitMb(mb: number): string {
  return String(Math.round(mb * 100) / 100)
}
