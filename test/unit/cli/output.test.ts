/** How the command line's tables show a stored instant: local time, to the minute, as a clerk reads a clock. */
import { describe, expect, it } from 'vitest'
import { localTime } from '../../../src-main/cli/output'

describe('localTime', () => {
  it('shows a UTC instant in this machine’s time zone, to the minute', () => {
    const instant = '2026-12-03T18:52:49.512Z'
    const d = new Date(instant)
    const pad = (n: number) => String(n).padStart(2, '0')
    // Built from the same local clock fields, so the test holds in any TZ the machine runs in.
    expect(localTime(instant)).toBe(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`)
    expect(localTime(instant)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
  })

  it('leaves text that is not an instant as it is', () => {
    expect(localTime('不是时间')).toBe('不是时间')
  })
})
