import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'

/**
 * Debian's Chromium (never a downloaded one), started the way this machine needs. Playwright gives every
 * launch a fresh temporary profile of its own.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]
  const found = candidates.find((p) => fs.existsSync(p))
  if (!found) throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH')
  return found
}

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Browser UI that Chromium builds as web pages with every new window (the address bar's popup, two WebUI
 * pages): on this machine about 0.6 s of CPU in a renderer of its own, run while the page under test loads.
 * A user opens the app in a browser whose window is already up; a timing bench turns them off.
 */
const BROWSER_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup']

let playwrightDisabled: Promise<string[]> | null = null

/**
 * Playwright passes a --disable-features list of its own, and Chromium reads only the last such switch: ours
 * must repeat Playwright's. Read once, from the command line Playwright gives a browser it starts.
 */
function playwrightDisabledFeatures(): Promise<string[]> {
  playwrightDisabled ??= (async () => {
    const server = await chromium.launchServer({ executablePath: chromiumPath(), args: LAUNCH_ARGS })
    try {
      const flag = server.process().spawnargs.find((a) => a.startsWith('--disable-features='))
      return flag ? flag.slice('--disable-features='.length).split(',').filter(Boolean) : []
    } finally {
      await server.close()
    }
  })()
  return playwrightDisabled
}

export async function launchBrowser(options: { withoutBrowserUi?: boolean } = {}): Promise<{ browser: Browser; close(): Promise<void> }> {
  const args = [...LAUNCH_ARGS]
  if (options.withoutBrowserUi) {
    const disabled = new Set([...(await playwrightDisabledFeatures()), ...BROWSER_UI_FEATURES])
    args.push(`--disable-features=${[...disabled].join(',')}`)
  }
  const browser = await chromium.launch({ executablePath: chromiumPath(), args })
  return {
    browser,
    close: async () => {
      await browser.close()
    },
  }
}

export const RESULTS_DIR = path.resolve('test-results')

export function screenshotPath(name: string): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  return path.join(RESULTS_DIR, `${name}.png`)
}
