import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckSummary, Finding } from '@contract'
import { call } from '../../api'

/**
 * Every finding of the year (waived ones too; the page filters them) and the summary counts. Read again on
 * mount and whenever the window regains focus: a save in the site drawer re-checks that site in the core.
 */
export function useReviewData(enabled: boolean) {
  const [findings, setFindings] = useState<Finding[]>([])
  const [summary, setSummary] = useState<CheckSummary | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const request = useRef(0)

  const reload = useCallback(async () => {
    if (!enabled) return
    const id = ++request.current
    setLoading(true)
    try {
      const [list, counts] = await Promise.all([call('checks.findings', { includeWaived: true }), call('checks.summary', {})])
      if (id !== request.current) return
      setFindings(list.findings)
      setSummary(counts)
      setError(null)
    } catch (e) {
      if (id === request.current) setError(e)
    } finally {
      if (id === request.current) setLoading(false)
    }
  }, [enabled])

  useEffect(() => {
    void reload()
    const onFocus = () => void reload()
    const onVisible = () => document.visibilityState === 'visible' && void reload()
    window.addEventListener('focus', onFocus)
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      window.removeEventListener('focus', onFocus)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [reload])

  /** Put a finding the core returned (after 豁免 / 取消豁免) in place, then refresh the counts. */
  const replace = useCallback(async (finding: Finding) => {
    setFindings((list) => list.map((x) => (x.id === finding.id ? finding : x)))
    try {
      setSummary(await call('checks.summary', {}))
    } catch {
      // The list is already right; the counts catch up on the next reload.
    }
  }, [])

  return { findings, summary, loading, error, reload, replace }
}
