import fs from 'node:fs'
import path from 'node:path'
import { startServer, type RunningServer } from '../../../src-main/server/server'
import { openSession, type Session } from '../../../src-main/services/session'
import { tempDir } from '../../helpers/tmp'
import { WEB_DIR } from './app'

/**
 * The browser-mode server over a session on a fresh data folder, as `starsite serve` opens it: the folder
 * starts as a province's and may become the national office's at the first-run role choice.
 */
export async function startSessionBrowserMode(): Promise<{ session: Session; server: RunningServer; dataDir: string; stop(): Promise<void> }> {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('out/web is missing: run `npm run build:renderer` first (npm test does it)')
  const data = tempDir('starsite-e2e-session-')
  const session = openSession({ dataDir: data.dir, actor: '推进办' })
  const server = await startServer({ session, staticDir: WEB_DIR })
  return {
    session,
    server,
    dataDir: data.dir,
    stop: async () => {
      await server.close()
      session.close()
      data.cleanup()
    },
  }
}
