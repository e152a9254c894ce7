/**
 * A stored bundle with no row in received_bundles: a receive killed (or failed) after the rename into the
 * store and before its transaction committed. The register never saw it, so the file is swept: the next
 * receive of the same bundle stores it again (content-addressed, same path), and no other bundle needs it.
 *
 * Race-free because receive renames into the store only while holding the write lock (BEGIN IMMEDIATE) and
 * the sweep deletes only while holding it too: a file whose row is about to be committed is never taken.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Db } from '../../db/connection'
import { hasReceivedBundle } from '../../db/office/bundles'
import { OFFICE_BUNDLES_DIR } from './folder'
import { storedBundlePath } from './store'

const SHARD = /^[0-9a-f]{2}$/
const STORED = /^([0-9a-f]{64})\.zip$/

/** Remove the shard folder when its last bundle is gone, so a swept receive leaves the store as it found it. */
function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir)
  } catch {
    // not empty (other bundles), or already gone
  }
}

function removeStored(dataDir: string, sha256: string): void {
  const file = storedBundlePath(dataDir, sha256)
  fs.rmSync(file, { force: true })
  removeIfEmpty(path.dirname(file))
}

/** Stored bundle files (their SHA-256) with no row; read without a lock, so only candidates. */
function candidates(dataDir: string, db: Db): string[] {
  const root = path.join(dataDir, OFFICE_BUNDLES_DIR)
  const out: string[] = []
  let shards: fs.Dirent[]
  try {
    shards = fs.readdirSync(root, { withFileTypes: true })
  } catch {
    return out
  }
  for (const shard of shards) {
    if (!shard.isDirectory() || !SHARD.test(shard.name)) continue
    for (const f of fs.readdirSync(path.join(root, shard.name), { withFileTypes: true })) {
      const sha = f.isFile() ? STORED.exec(f.name)?.[1] : undefined
      if (sha && sha.startsWith(shard.name) && !hasReceivedBundle(db, sha)) out.push(sha)
    }
  }
  return out
}

/** Sweep every stored bundle without a row; returns their SHA-256. Called when the office is opened. */
export function sweepOrphanBundles(dataDir: string, db: Db): string[] {
  const found = candidates(dataDir, db)
  if (found.length === 0) return []
  return db
    .transaction(() => {
      // Under the write lock now: a receive that was between its rename and its commit has finished.
      const orphans = found.filter((sha) => !hasReceivedBundle(db, sha))
      for (const sha of orphans) removeStored(dataDir, sha)
      return orphans
    })
    .immediate()
}

/** After a receive's transaction rolled back: its stored copy goes unless a row (another receive's) holds it. */
export function removeOrphanBundle(office: { dataDir: string; db: Db }, sha256: string): void {
  try {
    office.db
      .transaction(() => {
        if (!hasReceivedBundle(office.db, sha256)) removeStored(office.dataDir, sha256)
      })
      .immediate()
  } catch {
    // Best effort: whatever is left, the sweep at the next open removes.
  }
}
