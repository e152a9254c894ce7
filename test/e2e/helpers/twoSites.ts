/**
 * The letters and bundle tests' starting point, made fast through the core: the association for 2021, a
 * clean site (valid contacts, 上级推荐函 and 宣讲师推荐信 attached as small real PDFs) and a faulty one
 * (bad phone, nothing attached), then the checks run once.
 */
import fs from 'node:fs'
import path from 'node:path'
import { dispatch } from '../../../src-main/api/dispatch'
import type { AppContext } from '../../../src-main/services/context'

const BASE = {
  type: 'hall',
  enterprise: '中国移动',
  recommender: '中国移动通信集团广东有限公司',
  city: '广州市',
  starLevel: 4,
  manager: '李四',
  areaSqm: 300,
  applyDate: '2021-05-06',
}

export const GOOD = { ...BASE, name: '深圳福田营业厅', city: '深圳市', uscc: '914403001922048371', address: '深圳市福田区深南大道 1 号', phone: '13900139000' }
export const FAULTY = { ...BASE, name: '广州天河体育中心营业厅', uscc: '91440000719283738L', address: '广州市天河区天河路 299 号', phone: '12345' }

export const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
)

type Result = { ok: true; value: unknown } | { ok: false; error: { code?: string; message: string } }

/** The value of a call that must succeed; a refusal fails the test with its code and message. */
export async function must<T>(result: Promise<Result>): Promise<T> {
  const r = await result
  if (!r.ok) throw new Error(r.error.code ? `${r.error.code}: ${r.error.message}` : r.error.message)
  return r.value as T
}

export async function setUpTwoSites(app: AppContext, dataDir: string): Promise<{ goodId: number; faultyId: number }> {
  await must(dispatch(app, 'settings.saveAssociation', { association: { name: '广东省通信行业协会', shortName: '粤通协', province: '广东' }, year: 2021 }))
  const goodId = (await must<{ id: number }>(dispatch(app, 'sites.create', { site: GOOD }))).id
  const faultyId = (await must<{ id: number }>(dispatch(app, 'sites.create', { site: FAULTY }))).id
  const dir = path.join(dataDir, 'incoming')
  fs.mkdirSync(dir, { recursive: true })
  for (const [kind, name] of [
    ['superior-letter', '上级推荐函.pdf'],
    ['lecturer-letter', '宣讲师推荐信.pdf'],
  ] as const) {
    fs.writeFileSync(path.join(dir, name), MINIMAL_PDF)
    await must(dispatch(app, 'attachments.add', { siteId: goodId, kind, files: [{ path: path.join(dir, name), name }] }))
  }
  await must(dispatch(app, 'checks.run', {}, { jobId: 'e2e-setup-checks' }))
  return { goodId, faultyId }
}

/** The open errors' messages of a site, as checks.blocking words them. */
export async function blockingReasons(app: AppContext, siteId: number): Promise<string[]> {
  const out = await must<{ sites: { siteId: number; reasons: { message: string }[] }[] }>(dispatch(app, 'checks.blocking', {}))
  return out.sites.find((s) => s.siteId === siteId)?.reasons.map((r) => r.message) ?? []
}
