import { useCallback, useEffect, useState } from 'react'
import type { Site } from '@contract'
import { call } from '../../api'

/** The sites of the active campaign (or of 回收站), with local updates after a save. */
export function useSiteList(deleted: boolean) {
  const [sites, setSites] = useState<Site[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)

  const reload = useCallback(async () => {
    setLoading(true)
    try {
      const result = await call('sites.list', { deleted })
      setSites(result.sites)
      setError(null)
    } catch (e) {
      setError(e)
    } finally {
      setLoading(false)
    }
  }, [deleted])

  useEffect(() => {
    setSites([])
    void reload()
  }, [reload])

  const upsert = useCallback((site: Site) => {
    setSites((list) => {
      const at = list.findIndex((s) => s.id === site.id)
      if (at < 0) return [...list, site]
      const next = list.slice()
      next[at] = site
      return next
    })
  }, [])

  const drop = useCallback((ids: number[]) => {
    const gone = new Set(ids)
    setSites((list) => list.filter((s) => !gone.has(s.id)))
  }, [])

  /** Apply a status change the core confirmed, without reading the whole list again. */
  const setStatus = useCallback((ids: number[], status: Site['status']) => {
    const changed = new Set(ids)
    setSites((list) => list.map((s) => (changed.has(s.id) ? { ...s, status } : s)))
  }, [])

  return { sites, loading, error, reload, upsert, drop, setStatus }
}
