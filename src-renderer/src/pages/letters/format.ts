/** Small display helpers of the letters page. */

export const baseName = (p: string): string => p.split(/[\\/]/).pop() ?? p

/** "2021-06-01T08:30:00.000Z" → "2021-06-01 16:30" in local time. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
