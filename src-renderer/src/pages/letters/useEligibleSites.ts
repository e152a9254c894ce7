import { useCallback } from 'react'
import type { BlockingSite, Site } from '@contract'
import { call } from '../../api'
import { useLoader } from '../../components/useLoader'

export interface EligibleSite {
  site: Site
  /** The open errors that stop its letter, as the server words them; empty when it may get one. */
  reasons: string[]
}

/** The year's sites that may be recommended (not 未通过 nor 暂缓报送), each with what blocks its letter, if anything. */
export function useEligibleSites(enabled: boolean) {
  const load = useCallback(async (): Promise<EligibleSite[]> => {
    if (!enabled) return []
    const [{ sites }, blocking] = await Promise.all([call('sites.list', {}), call('checks.blocking', {})])
    const byId = new Map<number, BlockingSite>(blocking.sites.map((b) => [b.siteId, b]))
    return sites
      .filter((s) => s.status !== 'rejected' && s.status !== 'deferred')
      .map((site) => ({ site, reasons: byId.get(site.id)?.reasons.map((r) => r.message) ?? [] }))
  }, [enabled])
  return useLoader(load)
}
