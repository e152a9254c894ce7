/**
 * Renders resources/icon.svg to resources/icon.png (1024×1024, transparent corners) with the system Chromium
 * through playwright-core — both already present on the build machines, so no image library is needed.
 * Run: node scripts/render-icon.mjs   (Node 24 from node_modules/.bin; CHROMIUM=/path overrides the browser)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const svg = fs.readFileSync(path.join(root, 'resources', 'icon.svg'), 'utf8')
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-icon-'))

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: 1024, height: 1024 },
  deviceScaleFactor: 1,
})
try {
  const page = context.pages()[0] ?? (await context.newPage())
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${svg.replace(/^<\?xml[^>]*>\s*/, '')}</body></html>`,
  )
  const png = await page.locator('svg').screenshot({ omitBackground: true })
  const out = path.join(root, 'resources', 'icon.png')
  fs.writeFileSync(out + '.tmp', png)
  fs.renameSync(out + '.tmp', out)
  console.log(`wrote ${out} (${png.length} bytes)`)
} finally {
  await context.close()
  fs.rmSync(userDataDir, { recursive: true, force: true })
}
