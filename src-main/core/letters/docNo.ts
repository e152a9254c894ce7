/** 发文字号 and 成文日期 as GB/T 9704-2012 writes them. */

/** `粤通协〔2021〕12号`: hexagonal brackets U+3014/U+3015, no 第, no leading zeros. */
export function formatDocNo(prefix: string, year: number, seq: number): string {
  return `${prefix}\u3014${year}\u3015${seq}号`
}

/** `2021年6月1日` from an ISO date (YYYY-MM-DD): Arabic numerals, no padding. */
export function formatChineseDate(isoDate: string): string {
  const m = isoDate.match(/^(\d{4})-(\d{2})-(\d{2})/)
  if (!m) throw new Error(`not an ISO date: ${isoDate}`)
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
}

/** The local calendar date of an instant, as YYYY-MM-DD: a letter is dated the day the clerk issues it. */
export function localIsoDate(instant: string | Date): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/**
 * The 代字 of a notification letter (评定结果通知): the association's prefix with 函 added, so that notices,
 * numbered by a counter of their own, never carry the same 文号 as a 推荐函 (粤通协函〔2021〕3号 beside
 * 粤通协〔2021〕3号).
 */
export function noticeDocPrefix(prefix: string): string {
  return `${prefix}函`
}
