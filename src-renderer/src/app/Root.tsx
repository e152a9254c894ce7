import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import type { SessionInfo } from '@contract'
import { callPrefetched } from '../api/prefetch'
import { App } from './App'
import { SessionContext, type SessionState } from './SessionContext'

// The office's pages are a separate app: a province's first screen never downloads them.
const OfficeApp = lazy(async () => ({ default: (await import('./office/OfficeApp')).OfficeApp }))

/**
 * Picks the province's app or the national office's by the session's role. The province app is shown at
 * once and session.get runs beside its settings.get (not before it), so the province's first screen waits
 * for no extra round trip; an office folder swaps to the office app as soon as the answer arrives.
 */
export function Root() {
  const [session, setSession] = useState<SessionInfo | null>(null)
  useEffect(() => {
    let live = true
    callPrefetched('session.get', {})
      .then((s) => live && setSession(s))
      // Without an answer the province app stays: it shows its own errors.
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  const value = useMemo<SessionState>(() => ({ session, setSession }), [session])
  // One element for the life of the root: the session's answer re-renders only what reads the session, not the
  // province's whole first screen.
  const provinceApp = useMemo(() => <App />, [])
  return (
    <SessionContext value={value}>
      {session?.role === 'office' ? (
        <Suspense fallback={null}>
          <OfficeApp />
        </Suspense>
      ) : (
        provinceApp
      )}
    </SessionContext>
  )
}
