/**
 * Running the checks: load everything in a handful of set-based queries (never one query per site), evaluate
 * the pure rules, and replace the checked sites' findings in one transaction with a check_runs record.
 * Waivers live apart, keyed by fingerprint, so a re-run keeps them.
 */
import fs from 'node:fs'
import path from 'node:path'
import { evaluateSite, type CheckAttachment, type CheckContext, type CheckSite, type FindingDraft, type IntegrityProblem, type TrainingClass } from '../../core/checks'
import { buildDuplicateIndex, addressKey, nameCityKey } from '../../core/checks/duplicates'
import { cityInProvinceMemo } from '../../core/checks/rules/region'
import { checkAttachments, checkSiteCodes, checkSiteKeys, checkSites, type AttachmentCheckRow, type SiteCheckKeys } from '../../db/repositories/checkInputs'
import { FindingsRepository } from '../../db/repositories/findings'
import { listTrainingClasses } from '../../db/repositories/training'
import { deepCheck } from '../attachments/integrity'
import type { AppContext } from '../context'
import type { JobHandle } from '../jobs'
import { requireSetup } from '../settings/association'

export interface RunOptions {
  /** Only these sites (plus the sites whose duplicate findings involve them). Default: every site. */
  siteIds?: number[]
  /** Re-hash every stored file instead of comparing sizes only. */
  deep?: boolean
}

export interface RunResult {
  runId: number
  /** Sites evaluated in this run. */
  sites: number
  /** Findings produced by this run, by severity (waived warnings included). */
  errors: number
  warnings: number
  /** Of those warnings, how many are waived. */
  waived: number
}

interface Loaded {
  campaignId: number
  targets: CheckSite[]
  /** Every site id whose findings this run replaces (targets plus deleted or vanished ones asked for). */
  replaceIds: number[] | undefined
  attachments: AttachmentCheckRow[]
  ctx: Omit<CheckContext, 'attachments'>
}

/** Sites to re-judge with `siteIds`: their old and new duplicate partners, whose findings name them. */
function widen(app: AppContext, repo: FindingsRepository, siteIds: number[], keys: SiteCheckKeys[], ctx: Loaded['ctx']): number[] {
  const all = new Set(siteIds)
  const wanted = new Set(siteIds)
  for (const s of keys) {
    if (!wanted.has(s.id)) continue
    // The index already holds each site's keys: normalising thousands of names again costs as much as building it.
    const known = ctx.duplicates.keysOf?.get(s.id)
    const byNameCity = known ? known.nameCityKey : nameCityKey(s.name, s.city)
    const byAddress = known ? known.addressKey : addressKey(s.address)
    if (byNameCity) for (const o of ctx.duplicates.byNameCity.get(byNameCity) ?? []) all.add(o.id)
    if (byAddress) for (const o of ctx.duplicates.byAddress.get(byAddress) ?? []) all.add(o.id)
  }
  for (const id of repo.sitesNamingCodes(checkSiteCodes(app.db, siteIds))) all.add(id)
  return [...all]
}

function load(app: AppContext, repo: FindingsRepository, siteIds?: number[]): Loaded {
  const { association, campaign } = requireSetup(app)
  // A full run reads the sites once and indexes them; a partial run indexes all but loads only its targets.
  const all = siteIds ? null : checkSites(app.db, campaign.id)
  const keys = all ?? checkSiteKeys(app.db, campaign.id)
  const roster = new Map<string, TrainingClass>()
  for (const r of listTrainingClasses(app.db)) roster.set(r.certificate_no.toUpperCase(), r.class)
  const ctx = {
    config: campaign.config,
    province: association.province,
    roster,
    duplicates: buildDuplicateIndex(keys),
    cityInProvince: cityInProvinceMemo(association.province),
  }
  const ids = siteIds ? widen(app, repo, siteIds, keys, ctx) : undefined
  const targets = all ?? checkSites(app.db, campaign.id, ids)
  return { campaignId: campaign.id, targets, replaceIds: ids, attachments: checkAttachments(app.db, campaign.id, ids), ctx }
}

/**
 * Size check of each distinct stored file, once however many attachments share it. Same test as the
 * attachments store's quickCheckStored (exists as a file, size as recorded), inlined because this loop runs
 * for every attachment of every site on each full run: building the path by concatenation and not throwing
 * for a missing file matter at 40,000 files.
 */
function quickIntegrity(app: AppContext, rows: AttachmentCheckRow[]): Map<number, IntegrityProblem> {
  const filesDir = path.join(app.dataDir, 'files') + path.sep
  const bySha = new Map<string, IntegrityProblem | null>()
  const out = new Map<number, IntegrityProblem>()
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]
    const sha256 = row[3]
    let problem = bySha.get(sha256)
    if (problem === undefined) {
      if (!isSha256(sha256)) problem = 'missing'
      else {
        const stat = fs.statSync(filesDir + sha256.slice(0, 2) + path.sep + sha256, { throwIfNoEntry: false })
        problem = !stat || !stat.isFile() ? 'missing' : stat.size === row[5] ? null : 'size-mismatch'
      }
      bySha.set(sha256, problem)
    }
    if (problem) out.set(row[0], problem)
  }
  return out
}

/**
 * 64 lower-case hex digits (what the store names files by; anything else never reaches the file system).
 * A character loop: the equivalent /^[0-9a-f]{64}$/ costs several times more per call, once per attachment.
 */
function isSha256(value: string): boolean {
  if (typeof value !== 'string' || value.length !== 64) return false
  for (let i = 0; i < 64; i++) {
    const c = value.charCodeAt(i)
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false
  }
  return true
}

function groupAttachments(rows: AttachmentCheckRow[], integrity: Map<number, IntegrityProblem>): Map<number, CheckAttachment[]> {
  const bySite = new Map<number, CheckAttachment[]>()
  // Rows come per site: remember the last site's list rather than looking it up for every attachment.
  let lastSite = -1
  let list: CheckAttachment[] = []
  for (let i = 0; i < rows.length; i++) {
    const [id, siteId, kind, , originalName] = rows[i]
    if (siteId !== lastSite) {
      const known = bySite.get(siteId)
      if (known) list = known
      else bySite.set(siteId, (list = []))
      lastSite = siteId
    }
    list.push({ id, kind: kind as CheckAttachment['kind'], originalName, integrity: integrity.size ? (integrity.get(id) ?? null) : null })
  }
  return bySite
}

function evaluateAndStore(app: AppContext, repo: FindingsRepository, loaded: Loaded, integrity: Map<number, IntegrityProblem>, scope: string, startedAt: string): RunResult {
  const ctx: CheckContext = { ...loaded.ctx, attachments: groupAttachments(loaded.attachments, integrity) }
  const findings: { siteId: number; f: FindingDraft }[] = []
  let errors = 0
  let warnings = 0
  for (const site of loaded.targets) {
    for (const f of evaluateSite(site, ctx)) {
      findings.push({ siteId: site.id, f })
      if (f.severity === 'error') errors++
      else warnings++
    }
  }
  const now = app.now()
  const runId = app.db.transaction(() => {
    repo.replace(loaded.campaignId, loaded.replaceIds, findings, now)
    return repo.recordRun({ startedAt, finishedAt: now, scope, sites: loaded.targets.length, errors, warnings })
  })()
  const waived = repo.countWaived(loaded.targets.map((s) => s.id))
  return { runId, sites: loaded.targets.length, errors, warnings, waived }
}

const scopeOf = (options: RunOptions) => `${options.siteIds ? `sites:${options.siteIds.length}` : 'all'}${options.deep ? '+deep' : ''}`

/**
 * The quick path, synchronous: what runs after every save of a site, an attachment or an import, and what
 * `checks.run` does without `deep`.
 */
export function runChecksSync(app: AppContext, options: Omit<RunOptions, 'deep'> = {}): RunResult {
  const startedAt = app.now()
  const repo = new FindingsRepository(app.db)
  const loaded = load(app, repo, options.siteIds)
  return evaluateAndStore(app, repo, loaded, quickIntegrity(app, loaded.attachments), scopeOf(options), startedAt)
}

/** checks.run: the quick path, or with `deep` every stored file re-hashed first (slow; progress and cancel). */
export async function runChecks(app: AppContext, options: RunOptions = {}, job?: JobHandle): Promise<RunResult> {
  if (!options.deep) {
    job?.progress('check', 0, 1)
    const result = runChecksSync(app, options)
    job?.progress('check', 1, 1)
    return result
  }
  const startedAt = app.now()
  const repo = new FindingsRepository(app.db)
  const first = load(app, repo, options.siteIds)
  const problems = await deepCheck(app, {
    siteIds: first.replaceIds ?? first.targets.map((s) => s.id),
    signal: job?.signal,
    onProgress: (done, total) => job?.progress('hash', done, total),
  })
  job?.throwIfCancelled()
  const integrity = new Map<number, IntegrityProblem>(problems.map((p) => [p.attachmentId, p.problem]))
  // Sites or attachments may have changed while hashing: judge the data as it is now, with the hash results.
  const loaded = load(app, repo, options.siteIds)
  for (const [id, p] of quickIntegrity(app, loaded.attachments)) if (!integrity.has(id)) integrity.set(id, p)
  job?.progress('check', 1, 1)
  return evaluateAndStore(app, repo, loaded, integrity, scopeOf(options), startedAt)
}

/**
 * Re-judge sites after they changed (site saved, attachment added or removed, import committed). Deleted
 * sites lose their findings; sites that were or are now duplicates of them are re-judged too.
 */
export function recheckSites(app: AppContext, siteIds: number[]): RunResult | null {
  if (!siteIds.length) return null
  return runChecksSync(app, { siteIds })
}
