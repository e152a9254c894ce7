import fs from 'node:fs'
import path from 'node:path'
import { dispatch } from '../../../src-main/api/dispatch'
import { startServer, type RunningServer } from '../../../src-main/server/server'
import type { OfficeContext } from '../../../src-main/services/office/context'
import { openSession, type Session } from '../../../src-main/services/session'
import { tempDir } from '../../helpers/tmp'
import { WEB_DIR } from './app'
import { must } from './twoSites'

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

/**
 * The same server over a folder already made the national office's (the profile of the e2e tests), with the
 * given provinces' key files registered and bundles received through the operations the UI calls.
 * `office()`: the office context, for checks on the register behind the page.
 */
export async function startOfficeBrowserMode(
  keys: { province: string; file: string }[],
  bundles: string[],
): Promise<Awaited<ReturnType<typeof startSessionBrowserMode>> & { office(): OfficeContext }> {
  const env = await startSessionBrowserMode()
  await env.session.becomeOffice({ name: '服务现场质量推进活动办公室', shortName: '推进办', year: 2021 })
  for (const k of keys) await must(dispatch(env.session, 'office.keys.add', k))
  if (bundles.length) await must(dispatch(env.session, 'office.bundles.receive', { paths: bundles }))
  const office = () => {
    const state = env.session.state
    if (state.role !== 'office') throw new Error('not the office')
    return state.office
  }
  return { ...env, office }
}
