import type { SiteDraft } from '../../../src-main/core/sites/draft'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { saveAssociation } from '../../../src-main/services/settings/association'
import { tempDir } from '../db/tmp'

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
  return {
    name: '广州天河营业厅',
    type: '营业厅',
    enterprise: '中国移动',
    recommender: '中国移动通信集团广东有限公司',
    uscc: '91440000719283738X',
    city: '广州市',
    address: '广州市天河区天河路 1 号',
    starLevel: 4,
    manager: '张三',
    phone: '13800138000',
    applyDate: '2021-05-06',
    ...overrides,
  }
}
