import type { JobEventShape } from '@contract'
import { isJobEvent } from './transport'

type Listener = (event: JobEventShape) => void

const RETRY_MIN_MS = 1000
const RETRY_MAX_MS = 15_000

/**
 * One shared Server-Sent Events stream of job progress, read with fetch so it can carry the token header
 * (EventSource cannot). Opened when the first listener subscribes, closed when the last one leaves,
 * reconnected with back-off whenever it drops.
 */
export function createEventStream(url: string, headers: () => Record<string, string>) {
  const listeners = new Set<Listener>()
  let controller: AbortController | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let retryMs = RETRY_MIN_MS
  let connected = false
  let waiting: Array<() => void> = []

  const setConnected = (value: boolean) => {
    connected = value
    if (!value) return
    for (const resolve of waiting) resolve()
    waiting = []
  }

  const emit = (data: string) => {
    let parsed: unknown
    try {
      parsed = JSON.parse(data)
    } catch {
      return
    }
    if (!isJobEvent(parsed)) return
    for (const listener of [...listeners]) listener(parsed)
  }

  const scheduleReconnect = () => {
    if (retryTimer || listeners.size === 0) return
    retryTimer = setTimeout(() => {
      retryTimer = null
      open()
    }, retryMs)
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS)
  }

  const read = async (signal: AbortSignal) => {
    const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers() }, signal })
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`)
    retryMs = RETRY_MIN_MS
    setConnected(true)
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    let dataLines: string[] = []
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      buffer += value
      let newline = buffer.search(/\r\n|\r|\n/)
      while (newline >= 0) {
        const line = buffer.slice(0, newline)
        const skip = buffer.startsWith('\r\n', newline) ? 2 : 1
        buffer = buffer.slice(newline + skip)
        if (line === '') {
          if (dataLines.length) emit(dataLines.join('\n'))
          dataLines = []
        } else if (line.startsWith('data:')) {
          dataLines.push(line.slice(5).replace(/^ /, ''))
        }
        newline = buffer.search(/\r\n|\r|\n/)
      }
    }
  }

  const open = () => {
    if (controller || listeners.size === 0) return
    const current = new AbortController()
    controller = current
    read(current.signal)
      .catch(() => undefined)
      .finally(() => {
        if (controller === current) controller = null
        setConnected(false)
        if (!current.signal.aborted) scheduleReconnect()
      })
  }

  const close = () => {
    if (retryTimer) clearTimeout(retryTimer)
    retryTimer = null
    controller?.abort()
    controller = null
  }

  return {
    /** Resolves once the stream is open (or after `timeoutMs`), so a job started now loses no event. */
    whenOpen(timeoutMs = 2000): Promise<void> {
      if (connected) return Promise.resolve()
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs)
        waiting.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener)
      open()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) close()
      }
    },
  }
}
