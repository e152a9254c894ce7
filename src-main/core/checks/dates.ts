/** The number written by the ASCII digits value[from..from+count), or -1 when one of them is not a digit. */
function digitsAt(value: string, from: number, count: number): number {
  let n = 0
  for (let i = from; i < from + count; i++) {
    const d = value.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    n = n * 10 + d
  }
  return n
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * Calendar dates as 'YYYY-MM-DD' strings: valid ones compare correctly as text. Read by hand rather than by
 * pattern and Date (each site's date is checked on every check run and import): the Date round trip this
 * replaces also refused the years 0000-0099, which Date.UTC takes as 1900-1999. Equality is a property test.
 */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false
  const y = digitsAt(value, 0, 4)
  const mo = digitsAt(value, 5, 2)
  const d = digitsAt(value, 8, 2)
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return false
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1])
}

/** Inclusive at both ends: the 2021 notice accepts applications "自1月1日至10月31日". */
export function isWithin(date: string, window: { start: string; end: string }): boolean {
  // The cheap comparisons first: a date outside the window needs no calendar check (same result either way).
  return date >= window.start && date <= window.end && isIsoDate(date)
}

/** 2021-10-31 -> 2021年10月31日, for messages. */
export function chineseDate(iso: string): string {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso
}
