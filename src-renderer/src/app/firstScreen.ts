import { dropPrefetched } from '../api/prefetch'

/**
 * "The first screen is shown": the page the app opened on has its data on screen (or has said why not). Secondary
 * parts (toasts, help menu, filter dropdowns) wait for it, so that their code neither competes with the first
 * screen for the connections nor for the parser. Marked by the page itself, or by the shell for pages that do
 * not mark; after FALLBACK_MS it counts as shown anyway, so nothing waits for a page that never marks.
 */
const FALLBACK_MS = 3000

let shown = false
const waiting = new Set<() => void>()

export function markFirstScreen(): void {
  if (shown) return
  shown = true
  // For the bench and for DevTools: where the first screen ended and the deferred parts began.
  performance.mark('starsite:first-screen')
  dropPrefetched()
  for (const run of [...waiting]) run()
  waiting.clear()
}

/** Runs `run` once the first screen is shown (at once if it already is); returns a cancel function. */
export function afterFirstScreen(run: () => void): () => void {
  if (shown) {
    run()
    return () => undefined
  }
  waiting.add(run)
  return () => waiting.delete(run)
}

window.setTimeout(markFirstScreen, FALLBACK_MS)
