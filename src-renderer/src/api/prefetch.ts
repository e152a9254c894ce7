import type { OpInput, OpName, OpOutput } from '@contract'
import { call } from './client'

/**
 * Calls the first screen needs, started by the entry module before React renders, so the core answers while
 * the browser is still loading the page's code rather than after it. Each answer is used once, by the first
 * screen; anything later asks afresh.
 */
const started = new Map<string, Promise<unknown>>()

const keyOf = (name: OpName, input: unknown) => `${name} ${JSON.stringify(input)}`

export function prefetch<K extends OpName>(name: K, input: OpInput<K>): void {
  const key = keyOf(name, input)
  if (started.has(key)) return
  const answer = call(name, input)
  // Whoever takes it sees the failure (or asks again); until then it is not an unhandled rejection.
  answer.catch(() => undefined)
  started.set(key, answer)
}

/**
 * The answer of a prefetched call with these arguments if nobody has used it yet, else a new call. A failed
 * prefetch is asked again: it may have been started before the state it needed (a first-run association).
 */
export function callPrefetched<K extends OpName>(name: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const key = keyOf(name, input)
  const answer = started.get(key) as Promise<OpOutput<K>> | undefined
  if (!answer) return call(name, input)
  started.delete(key)
  return answer.catch(() => call(name, input))
}

/** Once the first screen is shown, an answer nobody took is stale: later screens must ask afresh. */
export function dropPrefetched(): void {
  started.clear()
}
