import { useCallback, useEffect, useState } from 'react'
import type { Site } from '@contract'
import { call } from '../../api'
import { callPrefetched } from '../../api/prefetch'
import type { ListedSite } from './siteView'

/** A saved site as its row in the table. */
const rowOf = (site: Site, checks: ListedSite['checks']): ListedSite => ({
  id: site.id,
  code: site.code,
  name: site.name,
  type: site.type,
  enterprise: site.enterprise,
  recommender: site.recommender,
  city: site.city,
  district: site.district,
  address: site.address,
  starLevel: site.starLevel,
  status: site.status,
  checks,
})

/** The sites of the active campaign (or of 回收站), with local updates after a save. */
export function useSiteList(deleted: boolean) {
  const [sites, setSites] = useState<ListedSite[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)

  const reload = useCallback(async () => {
    setLoading(true)
    try {
      const result = await callPrefetched('sites.rows', { deleted })
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

  const put = useCallback((site: Site, checks?: ListedSite['checks']) => {
    setSites((list) => {
      const at = list.findIndex((s) => s.id === site.id)
      const listed = rowOf(site, checks ?? list[at]?.checks ?? { errors: 0, warnings: 0 })
      if (at < 0) return [...list, listed]
      const next = list.slice()
      next[at] = listed
      return next
    })
  }, [])

  /**
   * A saved site, in place. The core re-checked it on save, so its counts are read again (its open findings
   * only), without reading the whole list.
   */
  const upsert = useCallback(
    (site: Site) => {
      put(site)
      call('checks.findings', { siteId: site.id })
        .then(({ findings }) => {
          const errors = findings.filter((f) => f.severity === 'error').length
          put(site, { errors, warnings: findings.length - errors })
        })
        .catch(() => undefined) // the counts stay as they were; the next reload corrects them
    },
    [put],
  )

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
