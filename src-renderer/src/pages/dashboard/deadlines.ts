import type { Settings } from '@contract'

export type CampaignConfig = NonNullable<Settings['campaign']>['config']

export interface Deadline {
  key: string
  label: string
  date: string
  /** Whole days from today to the date (0 = today, negative = past). */
  daysLeft: number
}

const dayNumber = (d: Date) => Math.floor(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000)

function isoDayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number)
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000)
}

/** The application-window end and each result batch, with the days left counted on the local calendar. */
export function deadlines(config: CampaignConfig, today: Date = new Date()): Deadline[] {
  const now = dayNumber(today)
  return [
    { key: 'window', label: '申报截止', date: config.applicationWindow.end },
    ...config.resultBatches.map((b, i) => ({ key: `batch-${i}`, label: `${b.name}结果发布`, date: b.due })),
  ].map((d) => ({ ...d, daysLeft: isoDayNumber(d.date) - now }))
}

export const daysText = (days: number): string => (days < 0 ? '已截止' : days === 0 ? '今天截止' : `剩余 ${days} 天`)

export const chineseDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number)
  return y && m && d ? `${y}年${m}月${d}日` : iso
}
