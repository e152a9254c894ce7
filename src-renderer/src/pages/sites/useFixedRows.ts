import { useCallback, useEffect, useState, type RefObject } from 'react'

export interface FixedRow {
  index: number
  /** Offset from the top of the list, in pixels. */
  start: number
}

/**
 * Which rows of a list of equal-height rows are in view (plus `overscan` either side). All rows have one
 * height, so this is arithmetic on the scroll position: no measuring, and far less code for the first
 * screen to load than a general virtualiser.
 */
export function useFixedRows(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number) {
  const [view, setView] = useState({ top: 0, height: 0 })

  const read = useCallback(() => {
    const el = scrollRef.current
    if (!el) return
    setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }))
  }, [scrollRef])

  useEffect(() => {
    const el = scrollRef.current
    if (!el) return
    read()
    el.addEventListener('scroll', read, { passive: true })
    const resize = new ResizeObserver(read)
    resize.observe(el)
    return () => {
      el.removeEventListener('scroll', read)
      resize.disconnect()
    }
  }, [scrollRef, read, count])

  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan)
  const last = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + overscan)
  const rows: FixedRow[] = []
  for (let i = first; i < last; i++) rows.push({ index: i, start: i * rowHeight })
  return { rows, totalHeight: count * rowHeight }
}
