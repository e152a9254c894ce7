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

export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
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
