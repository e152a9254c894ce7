/**
 * The in-page keystroke probe of the filter-as-you-type benches (the province's registry, the office's
 * 全国名册). Installed in the page as plain JavaScript text: a function passed to page.evaluate would be
 * serialised after tsx's transform, which may add helpers the page does not have.
 *
 * `window.__starsiteKeystroke(value, total, expectedCount, firstCode)` sets the filter box's value and fires an
 * input event (as typing or an IME commit does), then resolves when the counter reads the expected text and the
 * first row is the expected site: `{ domMs }` at that DOM change, `{ frameMs }` at the first frame after it.
 */
import type { Page } from 'playwright-core'

export interface KeystrokeProbe {
  /** CSS selector of the filter box. */
  input: string
  /** data-testid of the counter and of a row. */
  counter: string
  row: string
  /** A JavaScript expression over expectedCount and total: the counter's text when the filter is applied. */
  want: string
}

export interface KeystrokeSample {
  domMs: number
  frameMs: number
}

export function keystrokeProbe(p: KeystrokeProbe): string {
  return `
window.__starsiteKeystroke = (value, total, expectedCount, firstCode) => new Promise((resolve, reject) => {
  const input = document.querySelector(${JSON.stringify(p.input)})
  if (!input) return reject(new Error('filter box not found'))
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
  const want = ${p.want}
  const ready = () => {
    const counter = document.querySelector('[data-testid="${p.counter}"]')
    if (!counter || counter.textContent !== want) return false
    const first = document.querySelector('[data-testid="${p.row}"]')
    return expectedCount === 0 ? first === null : first !== null && first.textContent.includes(firstCode)
  }
  let domMs = null
  const timer = setTimeout(() => { observer.disconnect(); reject(new Error('timed out waiting for "' + value + '"')) }, 15000)
  const check = () => {
    if (domMs !== null || !ready()) return
    domMs = performance.now() - t0
    observer.disconnect()
    clearTimeout(timer)
    requestAnimationFrame(() => setTimeout(() => resolve({ domMs, frameMs: performance.now() - t0 }), 0))
  }
  const observer = new MutationObserver(check)
  observer.observe(document.body, { childList: true, subtree: true, characterData: true })
  const t0 = performance.now()
  setValue.call(input, value)
  input.dispatchEvent(new Event('input', { bubbles: true }))
  check()
})
`
}

/** One keystroke through the installed probe. */
export async function keystroke(page: Page, value: string, total: number, expectedCount: number, firstCode: string): Promise<KeystrokeSample> {
  const args = JSON.stringify([value, total, expectedCount, firstCode])
  return (await page.evaluate(`window.__starsiteKeystroke(...${args})`)) as KeystrokeSample
}
