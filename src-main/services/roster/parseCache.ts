/**
 * The last roster parsed per open app, keyed by the file's SHA-256. Reading a workbook is the slow part of an
 * import; commit re-reads and re-hashes the file, and when the bytes are the ones the preview parsed, the
 * parse (a pure function of those bytes) is reused instead of loading the workbook a second time. The stale-
 * file check is untouched: it compares the hash of the bytes on disk now.
 */
import type { AppContext } from '../context'

const cache = new WeakMap<AppContext, Map<string, { sha256: string; value: unknown }>>()

export function cachedParse<T>(app: AppContext, kind: string, sha256: string): T | undefined {
  const hit = cache.get(app)?.get(kind)
  return hit && hit.sha256 === sha256 ? (hit.value as T) : undefined
}

/** One entry per kind: a new parse replaces the old, so memory stays bounded by one roster. */
export function rememberParse(app: AppContext, kind: string, sha256: string, value: unknown): void {
  let byKind = cache.get(app)
  if (!byKind) cache.set(app, (byKind = new Map()))
  byKind.set(kind, { sha256, value })
}

export function forgetParse(app: AppContext, kind: string): void {
  cache.get(app)?.delete(kind)
}
