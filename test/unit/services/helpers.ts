import type { SiteDraft } from '../../../src-main/core/sites/draft'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { saveAssociation } from '../../../src-main/services/settings/association'
import { tempDir } from '../db/tmp'
import { SAMPLE_SITE } from '../../fixtures/site'

/** An app on a fresh data folder with a ticking fixed clock, so audit times are predictable. */
export function freshApp(): AppContext {
  let tick = 0
  return openApp({
    dataDir: tempDir('starsite-svc-'),
    actor: '测试员',
    now: () => new Date(Date.UTC(2021, 4, 6, 8, 0, tick++)).toISOString(),
  })
}

export function setUpGuangdong(app: AppContext): void {
  saveAssociation(app, { name: '广东省通信行业协会', shortName: '粤通协', province: '广东省' }, 2021)
}

export function draft(overrides: SiteDraft = {}): SiteDraft {
  return { ...SAMPLE_SITE, ...overrides }
}
