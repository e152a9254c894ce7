import type { StarsiteBridge } from '@contract'

declare global {
  interface Window {
    /** Exposed by the Electron preload script; absent in browser mode. */
    starsite?: StarsiteBridge
  }
}

export {}
