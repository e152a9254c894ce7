import { useEffect } from 'react'
import type { Site } from '@contract'
import { call } from '../../api'
import { notifyError } from '../../app/notify'
import { focusTarget } from './focusTarget'

/** `#/sites?open=<siteId>&focus=<field or attachment kind>`, as the 审核 page links to a finding. */
function readRequest(): { id: number; focus: string | null } | null {
  const hash = window.location.hash
  const at = hash.indexOf('?')
  if (at < 0) return null
  const q = new URLSearchParams(hash.slice(at + 1))
  const id = Number(q.get('open'))
  return Number.isInteger(id) && id > 0 ? { id, focus: q.get('focus') } : null
}

/**
 * Open the site named in the route in the drawer, at the field or attachment concerned, then drop the
 * request from the address so closing the drawer and reloading does not open it again.
 */
export function useOpenFromRoute(open: (site: Site) => void): void {
  useEffect(() => {
    let stop: (() => void) | null = null
    let alive = true
    const handle = async () => {
      const request = readRequest()
      if (!request) return
      window.history.replaceState(null, '', '#/sites')
      try {
        const site = await call('sites.get', { id: request.id })
        if (!alive) return
        open(site)
        stop?.()
        if (request.focus) stop = focusTarget(request.focus)
      } catch (e) {
        notifyError(e, '无法打开该现场')
      }
    }
    void handle()
    const onHash = () => void handle()
    window.addEventListener('hashchange', onHash)
    return () => {
      alive = false
      stop?.()
      window.removeEventListener('hashchange', onHash)
    }
  }, [open])
}
