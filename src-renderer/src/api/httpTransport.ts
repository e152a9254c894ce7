import type { Envelope } from '@contract'
import { createEventStream } from './eventStream'
import { isEnvelope, type Transport } from './transport'

const UNREACHABLE = '无法连接到本机服务，请确认星级服务现场推荐报送系统仍在运行，然后刷新页面重试'

function readToken(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="starsite-token"]')
  return meta?.content ?? ''
}

const failure = (code: string, message: string): Envelope<unknown> => ({ ok: false, error: { code, message } })

/** Browser mode: the loopback server, `POST /api/call/<op>` and a `GET /api/events` progress stream. */
export function httpTransport(): Transport {
  const token = readToken()
  const authHeaders = (): Record<string, string> => ({ 'X-Starsite-Token': token })
  const events = createEventStream('/api/events', authHeaders)

  return {
    async invoke(name, input, jobId) {
      let response: Response
      try {
        response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...authHeaders() },
          body: JSON.stringify(jobId === undefined ? { input } : { input, jobId }),
        })
      } catch {
        return failure('network', UNREACHABLE)
      }
      let body: unknown
      try {
        body = await response.json()
      } catch {
        body = undefined
      }
      if (isEnvelope(body)) return body
      return failure('network', `${UNREACHABLE}（服务返回了无法识别的应答，HTTP ${response.status}）`)
    },
    onJobEvent: (listener) => events.subscribe(listener),
    whenListening: () => events.whenOpen(),
  }
}
