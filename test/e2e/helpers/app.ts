import fs from 'node:fs'
import path from 'node:path'
import { startServer, type RunningServer } from '../../../src-main/server/server'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { tempDir } from '../../helpers/tmp'

export const WEB_DIR = path.resolve('out/web')

/**
 * A real core on a fresh data folder (or on `prepared`, a folder a test set up, removed at stop) behind the
 * real browser-mode server, serving the built UI.
 */
export async function startBrowserMode(prepared?: string): Promise<{ app: AppContext; server: RunningServer; dataDir: string; stop(): Promise<void> }> {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error('out/web is missing: run `npm run build:renderer` first (npm test does it)')
  }
  const data = prepared ? { dir: prepared, cleanup: () => fs.rmSync(prepared, { recursive: true, force: true }) } : tempDir('starsite-e2e-')
  const app = openApp({ dataDir: data.dir, actor: '测试员' })
  const server = await startServer({ app, staticDir: WEB_DIR })
  return {
    app,
    server,
    dataDir: data.dir,
    stop: async () => {
      await server.close()
      app.close()
      data.cleanup()
    },
  }
}
