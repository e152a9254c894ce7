import { exportPublicKey, keyInfo } from '../../services/keys/keys'
import type { HandlersFor } from '../handler'
import type { keysOps } from './contract'

export const keysHandlers: HandlersFor<typeof keysOps> = {
  'keys.info': (_input, { app }) => keyInfo(app),
  'keys.exportPublic': (input, { app }) => exportPublicKey(app, input.outPath),
}
