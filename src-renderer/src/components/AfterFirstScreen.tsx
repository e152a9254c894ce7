import { Suspense, useEffect, useState, type ReactNode } from 'react'

/**
 * Renders `children` (typically lazy components) only once the browser is idle after the first screen, and
 * `fallback` until then and while their code loads: secondary parts (filter dropdowns, the help menu, the
 * toasts' container) then neither compete with the first screen for the network nor for the parser.
 */
export function AfterFirstScreen({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(() => setReady(true), { timeout: 1500 })
      return () => window.cancelIdleCallback(id)
    }
    const timer = window.setTimeout(() => setReady(true), 200)
    return () => window.clearTimeout(timer)
  }, [])
  return ready ? <Suspense fallback={fallback}>{children}</Suspense> : <>{fallback}</>
}
