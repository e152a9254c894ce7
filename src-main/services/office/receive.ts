/**
 * Receiving bundles: each file is copied into the office's tmp, verified there with the province side's own
 * verifier, checked against the registered keys and the office's year, then kept whole under its content
 * address and ingested into the register in one transaction (superseding the province's earlier bundle, with
 * the diff). A bundle with any problem is refused: its problems are listed and nothing of it is kept.
 */
import fs from 'node:fs'
import path from 'node:path'
import { sameFingerprint } from '../../core/bundle/fingerprint'
import { MANIFEST_PATH, ROSTER_PATH, SITE_LETTER_NAME } from '../../core/bundle/layout'
import { problem, type Manifest, type Problem } from '../../core/bundle/manifest'
import { AppError } from '../../core/errors'
import { fsErrorCode, readFailureMessage } from '../../core/files/fsError'
import { findProvince } from '../../core/association/provinces'
import { diffSites, type BundleDiff } from '../../core/office/diff'
import { appendAudit } from '../../db/repositories/audit'
import { bundleBySha, ingestedBundle, insertReceivedBundle, markSuperseded, type ReceivedStatus } from '../../db/office/bundles'
import { currentKey, keysByFingerprint } from '../../db/office/provinceKeys'
import { insertRegisterSites, sitesOfBundle, type RegisterSiteInput } from '../../db/office/register'
import { killPoint } from '../files/killPoint'
import type { OfficeContext } from './context'
import { requireOfficeProfile } from './profile'
import { rosterFieldsOf } from './rosterOf'
import { removeOrphanBundle } from './orphans'
import { SourceUnreadable, stageBundle, type StagedBundle } from './store'

export interface ReceiveOutcome {
  file: string
  status: ReceivedStatus | 'refused' | 'already-received'
  /** Chinese, one line. */
  message: string
  problems: Problem[]
  sha256?: string
  bundleId?: number
  province?: string
  fingerprint?: string | null
  sites?: number
  files?: number
  /** The province's earlier bundle this one superseded, and what changed. */
  supersededBundleId?: number
  diff?: BundleDiff
}

/**
 * Bundle files to receive: each file as given, and every .zip directly inside a folder, by name. Entries named
 * .zip that are not readable files (a folder, a link to nothing, a pipe) are listed too: receiving refuses each
 * with its reason, rather than passing over it in silence.
 */
export function bundleFiles(paths: string[]): string[] {
  const out: string[] = []
  for (const p of paths) {
    const abs = path.resolve(p)
    let stat: fs.Stats
    try {
      stat = fs.statSync(abs)
    } catch (error) {
      // Nothing at all under that name: a mistyped path, said before anything is received.
      if (fsErrorCode(error) === 'ENOENT' && !isLink(abs)) throw new AppError('invalid-input', `找不到报送包文件或文件夹：${p}`)
      // Something is there but cannot be read (a dangling link, no permission): refused with its reason.
      out.push(abs)
      continue
    }
    if (stat.isDirectory()) {
      let entries: fs.Dirent[]
      try {
        entries = fs.readdirSync(abs, { withFileTypes: true })
      } catch (error) {
        throw new AppError('invalid-input', readFailureMessage(fsErrorCode(error), p))
      }
      const zips = entries
        .filter((d) => /\.zip$/i.test(d.name))
        .map((d) => path.join(abs, d.name))
        .sort()
      if (zips.length === 0) throw new AppError('invalid-input', `文件夹“${p}”中没有 .zip 报送包`)
      out.push(...zips)
    } else out.push(abs)
  }
  return out
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink()
  } catch {
    return false
  }
}

/**
 * The sites of a manifest as register rows: every field the roster workbook and the manifest carry (the
 * manifest's signed values win where both have one), and each file's path, size and hash.
 */
function registerSites(manifest: Manifest, roster: Map<string, Record<string, unknown>>): RegisterSiteInput[] {
  const byPath = new Map(manifest.files.map((f) => [f.path, f]))
  return manifest.sites.map((s) => {
    const files = s.files.flatMap((p) => {
      const f = byPath.get(p)
      return f ? [{ path: f.path, size: f.size, sha256: f.sha256 }] : []
    })
    const { code, files: _paths, ...rest } = s
    return {
      code,
      name: s.name,
      type: s.type,
      recommender: s.recommender,
      starLevel: s.starLevel,
      // The site letter is generated anew (with new timestamps inside) at every build: it would show as a
      // change in every re-sent bundle, so the compared fields carry only the attachments the province added.
      fields: { ...roster.get(code), ...rest, files: Object.fromEntries(files.filter((f) => !isSiteLetter(f.path)).map((f) => [f.path, f.sha256])) },
      files,
    }
  })
}

const isSiteLetter = (entry: string) => entry.endsWith(`/${SITE_LETTER_NAME}`)

const refused = (file: string, problems: Problem[], extra: Partial<ReceiveOutcome> = {}): ReceiveOutcome => ({
  file,
  status: 'refused',
  message: `已拒收“${path.basename(file)}”：发现 ${problems.length} 个问题，未保存任何内容。`,
  problems,
  ...extra,
})

/** The file could not be read: refused, naming it and why; nothing of it was kept. */
const unreadable = (file: string, error: SourceUnreadable): ReceiveOutcome => ({
  file,
  status: 'refused',
  message: `已拒收：${error.message}；未保存任何内容。`,
  problems: [problem(path.basename(file), 'bad-manifest', { reason: 'unreadable', message: error.message })],
})

type RosterFields = Awaited<ReturnType<typeof rosterFieldsOf>>

/** A bundle staged (copied, verified, hashed) and, when it verified, its roster read: all of it that needs no database. */
interface Prepared {
  staged: StagedBundle
  roster?: RosterFields
  /** Why the roster workbook was refused (roster/safety.ts), in Chinese. */
  rosterRefused?: AppError
}

/**
 * Everything of one bundle that can run ahead of the bundles before it: the copy, the verification and the
 * roster (~75 ms of workbook parsing a bundle, which would otherwise sit between two ingests).
 */
async function prepare(dataDir: string, file: string): Promise<Prepared> {
  const staged = await stageBundle(dataDir, file)
  if (!staged.verified.ok) return { staged }
  try {
    return { staged, roster: await rosterFieldsOf(staged.roster) }
  } catch (error) {
    if (error instanceof AppError) return { staged, rosterRefused: error }
    staged.discard()
    throw error
  }
}

/**
 * `preparing`: the bundle already being prepared (receive prepares the next ones during this one's ingest).
 * A file that cannot be read is refused; a failure writing our own folder throws (store.ts).
 */
export async function receiveBundle(office: OfficeContext, file: string, preparing?: Promise<Prepared>): Promise<ReceiveOutcome> {
  const profile = requireOfficeProfile(office)
  let prepared: Prepared
  try {
    prepared = await (preparing ?? prepare(office.dataDir, file))
  } catch (error) {
    if (error instanceof SourceUnreadable) return unreadable(file, error)
    throw error
  }
  const { staged } = prepared
  killPoint('office-receive-staged')
  let kept = false
  try {
    const known = bundleBySha(office.db, staged.sha256)
    if (known) {
      return { file, status: 'already-received', message: `此报送包已于 ${known.receivedAt} 收到（${known.province}），未重复保存。`, problems: [], sha256: staged.sha256, bundleId: known.id, province: known.province }
    }
    // The copy in tmp/ is what was verified (store.ts, in the same read as its hash); the manifest and roster
    // are exactly the bytes the verifier read and hashed.
    const verified = staged.verified
    if (!verified.ok) return refused(file, verified.problems, { sha256: staged.sha256, fingerprint: verified.fingerprint })
    const manifest = verified.manifest!
    const fingerprint = verified.fingerprint!
    if (prepared.rosterRefused)
      return refused(file, [problem(ROSTER_PATH, 'bad-manifest', { reason: 'unsafe-roster', message: prepared.rosterRefused.message })], { sha256: staged.sha256, fingerprint })
    const roster = prepared.roster!
    const facts = { sha256: staged.sha256, fingerprint, sites: manifest.sites.length, files: manifest.files.length }
    const province = findProvince(manifest.association.province)?.name
    if (!province)
      return refused(file, [problem(MANIFEST_PATH, 'bad-manifest', { reason: 'unknown-province', message: `清单中的省份“${manifest.association.province}”无法识别` })], facts)
    if (manifest.campaign.year !== profile.year)
      return refused(file, [problem(MANIFEST_PATH, 'bad-manifest', { reason: 'wrong-year', message: `报送包属于 ${manifest.campaign.year} 年度，本推进办公室正在接收 ${profile.year} 年度的材料` })], { ...facts, province })
    const holders = keysByFingerprint(office.db, fingerprint)
    const other = holders.find((k) => k.province !== province)
    if (other)
      return refused(
        file,
        [problem(MANIFEST_PATH, 'bad-signature', { reason: 'key-of-another-province', message: `签名密钥（指纹 ${fingerprint}）登记为${other.province}的公钥，而报送包自称来自${province}` })],
        { ...facts, province },
      )
    const registered = currentKey(office.db, province)
    const trusted = registered !== null && sameFingerprint(registered.fingerprint, fingerprint)

    killPoint('office-receive-verified')
    // The rename into the store happens under the database's write lock (BEGIN IMMEDIATE), so the orphan sweep
    // at open (orphans.ts), which takes the same lock, never sees a file whose row is about to be committed.
    const outcome = office.db.transaction((): ReceiveOutcome => {
      staged.keep()
      kept = true
      killPoint('office-receive-stored')
      const now = office.now()
      const previous = trusted ? ingestedBundle(office.db, province) : null
      const sites = registerSites(manifest, roster)
      const diff = previous
        ? diffSites(
            sitesOfBundle(office.db, previous.id).map((s) => ({ code: s.code, name: s.name, fields: s.fields })),
            sites.map((s) => ({ code: s.code, name: s.name, fields: s.fields })),
          )
        : undefined
      const status: ReceivedStatus = trusted ? 'ingested' : 'pending-confirmation'
      const bundleId = insertReceivedBundle(office.db, {
        sha256: staged.sha256,
        size: staged.size,
        originalName: path.basename(file),
        province,
        association: manifest.association.name,
        campaignYear: manifest.campaign.year,
        createdAt: manifest.createdAt,
        fingerprint,
        keyId: trusted ? registered.id : null,
        receivedAt: now,
        receivedBy: office.actor,
        status,
        sites: sites.length,
        files: manifest.files.length,
        diff: diff ?? null,
      })
      // Pending bundles keep their rows too: confirming the key later only changes the bundle's status.
      insertRegisterSites(office.db, bundleId, province, sites)
      if (previous) markSuperseded(office.db, previous.id, bundleId)
      const message = trusted
        ? `已接收并入库：${province} ${sites.length} 个现场、${manifest.files.length} 个文件${previous ? `，替代此前的报送包（新增 ${diff!.added.length}、撤回 ${diff!.withdrawn.length}、改动 ${diff!.changed.length} 处）` : ''}。`
        : `待确认：签名密钥（指纹 ${fingerprint}）未登记为${province}的公钥${registered ? `（已登记的指纹为 ${registered.fingerprint}）` : ''}，已保存但未并入名册，请核对盖章报送函上的指纹。`
      appendAudit(
        office.db,
        { actor: office.actor, action: 'receive', entity: 'bundle', entityId: bundleId, summary: `收到${province}报送包：${message}`, details: { sha256: staged.sha256, fingerprint, status, superseded: previous?.id ?? null } },
        now,
      )
      killPoint('office-receive-commit')
      return { file, status, message, problems: [], ...facts, bundleId, province, ...(previous ? { supersededBundleId: previous.id, diff } : {}) }
    }).immediate()
    return outcome
  } catch (error) {
    // The transaction rolled back after the rename: the stored copy has no row, so it goes too.
    if (kept) removeOrphanBundle(office, staged.sha256)
    throw error
  } finally {
    if (!kept) staged.discard()
  }
}

/** Bundles being prepared ahead of the one being ingested: enough to keep the hash worker busy throughout. */
const STAGE_AHEAD = 2

export interface ReceiveOptions {
  /** After each bundle is decided: how many of how many. */
  onProgress?: (done: number, total: number) => void
  /** Looked at between two bundles: each is received whole or not at all. */
  signal?: AbortSignal
}

/**
 * Receive each file in turn; one refused bundle does not stop the others. The next bundles are prepared
 * (copied, verified, hashed, their rosters read) while this one is ingested, so the reading and the worker's
 * hashing overlap the register writes; bundles are still decided and stored one after the other, in order.
 * The desktop's and browser's job, the command line and the bench all receive through here.
 */
export async function receiveFiles(office: OfficeContext, files: string[], options: ReceiveOptions = {}): Promise<{ outcomes: ReceiveOutcome[]; cancelled: boolean }> {
  requireOfficeProfile(office)
  const outcomes: ReceiveOutcome[] = []
  const ahead: Promise<Prepared>[] = []
  let started = 0
  const prepareNext = () => {
    if (started >= files.length) return
    const preparing = prepare(office.dataDir, files[started++])
    // Awaited in turn, or discarded below: never an unhandled rejection meanwhile.
    preparing.catch(() => undefined)
    ahead.push(preparing)
  }
  const discardAhead = () => Promise.all(ahead.splice(0).map((p) => p.then((r) => r.staged.discard(), () => undefined)))
  let cancelled = false
  try {
    for (const f of files) {
      if (options.signal?.aborted) {
        cancelled = true
        break
      }
      while (ahead.length < STAGE_AHEAD && started < files.length) prepareNext()
      const preparing = ahead.shift()!
      // Settled (prepared, or refused as unreadable) before the next one starts, as many ahead as ever.
      await preparing.catch(() => undefined)
      // The next one starts now, before this one's ingest (which is mostly synchronous) holds the thread.
      prepareNext()
      outcomes.push(await receiveBundle(office, f, preparing))
      options.onProgress?.(outcomes.length, files.length)
    }
  } catch (error) {
    // Something unexpected stopped the run: the bundles prepared ahead are not kept either.
    await discardAhead()
    throw error
  }
  // Cancelled: what was prepared ahead leaves nothing behind.
  await discardAhead()
  return { outcomes, cancelled }
}

/** Receive the bundle files and folders given (bundleFiles), all of them. */
export async function receive(office: OfficeContext, paths: string[]): Promise<ReceiveOutcome[]> {
  requireOfficeProfile(office)
  return (await receiveFiles(office, bundleFiles(paths))).outcomes
}
