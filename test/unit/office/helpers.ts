/**
 * Real province bundles for the office tests: a province data folder set up through its services, sites and
 * attachments added the way a clerk does, and the bundle built and signed by the province's own code.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach } from 'vitest'
import { addAttachments } from '../../../src-main/services/attachments/attachments'
import { recheckSites } from '../../../src-main/services/checks/engine'
import { buildBundle } from '../../../src-main/services/bundle/build'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { exportPublicKey, keyInfo } from '../../../src-main/services/keys/keys'
import { openOffice, type OfficeContext } from '../../../src-main/services/office/context'
import { addKey } from '../../../src-main/services/office/keys'
import { initOffice } from '../../../src-main/services/office/profile'
import { saveAssociation } from '../../../src-main/services/settings/association'
import { createSite, updateSite } from '../../../src-main/services/sites/sites'
import { tempDir as makeTemp } from '../../helpers/tmp'
import { SITE_FIELDS } from '../../fixtures/site'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

export function tempDir(prefix: string): string {
  const t = makeTemp(prefix)
  cleanups.push(t.cleanup)
  return t.dir
}

export const PROVINCES = {
  广东: { name: '广东省通信行业协会', shortName: '粤通协', province: '广东省', city: '广州市', address: '广州市天河区天河路 1 号' },
  浙江: { name: '浙江省通信行业协会', shortName: '浙通协', province: '浙江省', city: '杭州市', address: '杭州市西湖区文三路 8 号' },
} as const

export interface Province {
  /** Its full name, as the office registers its key: 广东省. */
  province: string
  app: AppContext
  siteIds: number[]
  drafts: Record<string, unknown>[]
  fingerprint: string
  /** The exported public key (PEM), as the province sends it ahead of its bundle. */
  publicKeyFile: string
  bundle(out: string): Promise<string>
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n` + 'x'.repeat(1500) + '\n%%EOF\n')

export async function province(which: keyof typeof PROVINCES, year = 2021): Promise<Province> {
  const p = PROVINCES[which]
  let tick = 0
  const app = openApp({ dataDir: tempDir('starsite-prov-'), actor: '省协会', now: () => new Date(Date.UTC(year, 4, 6, 8, 0, tick++)).toISOString() })
  cleanups.unshift(() => app.close())
  saveAssociation(app, { name: p.name, shortName: p.shortName, province: p.province }, year)
  const src = tempDir('starsite-src-')
  const siteIds: number[] = []
  const drafts: Record<string, unknown>[] = []
  for (const [i, name] of [`${which}一号营业厅`, `${which}二号营业厅`].entries()) {
    const draft = { ...SITE_FIELDS, applyDate: `${year}-05-06`, uscc: '91440000719283738L', name, city: p.city, address: `${p.address}-${i + 1}` }
    drafts.push(draft)
    const site = createSite(app, draft)
    const letter = path.join(src, `${i}.pdf`)
    fs.writeFileSync(letter, pdf(`${which}-${i}`))
    await addAttachments(app, site.id, 'superior-letter', [{ path: letter }])
    const lecturer = path.join(src, `${i}-lecturer.pdf`)
    fs.writeFileSync(lecturer, pdf(`${which}-${i}-lecturer`))
    await addAttachments(app, site.id, 'lecturer-letter', [{ path: lecturer }])
    siteIds.push(site.id)
  }
  // Findings follow the data: judged again now that every attachment is in.
  recheckSites(app, siteIds)
  const keyFile = path.join(tempDir('starsite-key-'), `${which}.pem`)
  exportPublicKey(app, keyFile)
  return {
    province: p.province,
    app,
    siteIds,
    drafts,
    fingerprint: keyInfo(app).fingerprint,
    publicKeyFile: keyFile,
    bundle: async (out) => (await buildBundle(app, undefined, { outPath: out })).path,
  }
}

export function changeStarLevel(prov: Province, index: number, starLevel: number): void {
  prov.drafts[index] = { ...prov.drafts[index], starLevel }
  updateSite(prov.app, prov.siteIds[index], prov.drafts[index])
}

export function newOffice(dataDir = tempDir('starsite-office-')): OfficeContext {
  let tick = 0
  const { office } = initOffice({ dataDir, actor: '推进办', now: () => new Date(Date.UTC(2021, 5, 1, 8, 0, tick++)).toISOString() }, { name: '服务现场质量推进活动办公室', shortName: '推进办', year: 2021 })
  cleanups.unshift(() => office.close())
  return office
}

/** A new office with these provinces' exported public keys registered, as its staff do before receiving. */
export function officeWithKeys(...provinces: Province[]): OfficeContext {
  const office = newOffice()
  for (const p of provinces) addKey(office, { province: p.province, file: p.publicKeyFile })
  return office
}

export function reopenOffice(dataDir: string): OfficeContext {
  const office = openOffice({ dataDir, actor: '推进办' })
  cleanups.unshift(() => office.close())
  return office
}

/** Every file under a folder (relative paths, sorted), for before/after snapshots. */
export function fileList(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else out.push(path.relative(dir, p))
    }
  }
  walk(dir)
  return out.sort()
}

export function rowCounts(office: OfficeContext): Record<string, number> {
  const tables = ['province_keys', 'received_bundles', 'register_sites', 'register_files', 'audit_log']
  return Object.fromEntries(tables.map((t) => [t, (office.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]))
}
