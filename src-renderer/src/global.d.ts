import type { StarsiteBridge } from '../../src-main/api/contract'

declare global {
  interface Window {
    /** Exposed by the Electron preload script; absent in browser mode. */
    starsite?: StarsiteBridge
  }
}

export {}
