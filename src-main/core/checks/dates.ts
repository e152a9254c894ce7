/** Calendar dates as 'YYYY-MM-DD' strings: valid ones compare correctly as text. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** Inclusive at both ends: the 2021 notice accepts applications "自1月1日至10月31日". */
export function isWithin(date: string, window: { start: string; end: string }): boolean {
  // The cheap comparisons first: a date outside the window needs no calendar check (same result either way).
  return date >= window.start && date <= window.end && isIsoDate(date)
}

/** 2021-10-31 -> 2021年10月31日, for messages. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso
}
