/** A site that passes every rule and a context around it; each test breaks one thing. */
import { presetForYear, type CampaignConfig } from '../../../src-main/core/campaign/preset'
import { buildDuplicateIndex } from '../../../src-main/core/checks/duplicates'
import type { CheckAttachment, CheckContext, CheckSite, TrainingClass } from '../../../src-main/core/checks'

export const VALID_USCC = '91440000719283738L'

export function validSite(overrides: Partial<CheckSite> = {}): CheckSite {
  return {
    id: 1,
    code: 'GD-2021-Y001',
    name: '广州天河营业厅',
    type: 'hall',
    enterprise: '中国移动',
    recommender: '中国移动通信集团广东有限公司',
    uscc: VALID_USCC,
    city: '广州市',
    district: '天河区',
    address: '广州市天河区天河路 1 号',
    starLevel: 4,
    manager: '张三',
    phone: '13800138000',
    email: 'tianhe@gd.example.cn',
    staffCount: 20,
    areaSqm: 300,
    seats: null,
    certificates: ['GD2021001'],
    highlights: '',
    applyDate: '2021-05-06',
    remarks: '',
    ...overrides,
  }
}

export interface CtxOptions {
  config?: Partial<CampaignConfig>
  province?: string
  attachments?: Omit<CheckAttachment, 'id'>[]
  roster?: Record<string, TrainingClass>
  others?: CheckSite[]
}

export function ctxFor(site: CheckSite, o: CtxOptions = {}): CheckContext {
  const attachments = (o.attachments ?? [
    { kind: 'superior-letter', originalName: '推荐函.pdf', integrity: null },
  ]).map((a, i) => ({ ...a, id: 100 + i }))
  return {
    config: { ...presetForYear(2021), ...o.config },
    province: o.province ?? '广东',
    attachments: new Map([[site.id, attachments]]),
    roster: new Map(Object.entries(o.roster ?? { GD2021001: 'hall' })),
    duplicates: buildDuplicateIndex([site, ...(o.others ?? [])]),
  }
}
