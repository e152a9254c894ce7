import { Suspense, useEffect, useState, type ReactNode } from 'react'
import { afterFirstScreen, markFirstScreen } from '../app/firstScreen'

/**
 * Renders `children` (typically lazy components) only once the first screen is shown and the browser is idle
 * after it, and `fallback` until then and while their code loads: secondary parts (filter dropdowns, help menu,
 * the toasts' container) then neither compete with the first screen for the network nor for the parser.
 */
export function AfterFirstScreen({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    let cancelIdle = () => undefined as void
    const cancelWait = afterFirstScreen(() => {
      if (typeof window.requestIdleCallback === 'function') {
        const id = window.requestIdleCallback(() => setReady(true), { timeout: 1500 })
        cancelIdle = () => window.cancelIdleCallback(id)
      } else {
        const timer = window.setTimeout(() => setReady(true), 200)
        cancelIdle = () => window.clearTimeout(timer)
      }
    })
    return () => {
      cancelWait()
      cancelIdle()
    }
  }, [])
  return ready ? <Suspense fallback={fallback}>{children}</Suspense> : <>{fallback}</>
}

/** Marks the first screen as shown when mounted: for pages whose first render is all they show. */
export function FirstScreenShown() {
  useEffect(markFirstScreen, [])
  return null
}
