import type { StarsiteBridge } from '@contract'
import type { Transport } from './transport'

/** Desktop app: the preload script's `window.starsite` already speaks envelopes. */
export function bridgeTransport(bridge: StarsiteBridge): Transport {
  return {
    invoke: (name, input, jobId) => bridge.invoke(name, input, jobId),
    onJobEvent: (listener) => bridge.onJobEvent(listener),
  }
}
