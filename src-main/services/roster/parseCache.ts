/**
 * The last roster parsed per open app, keyed by the file's SHA-256 (kept in AppContext.roster, memory.ts).
 * The stale-file check is untouched: it compares the hash of the bytes on disk now.
 */
import type { AppContext } from '../context'

export function cachedParse<T>(app: AppContext, kind: string, sha256: string): T | undefined {
  return app.roster.parse<T>(kind, sha256)
}

/** One entry per kind: a new parse replaces the old, so memory stays bounded by one roster. */
export function rememberParse(app: AppContext, kind: string, sha256: string, value: unknown): void {
  app.roster.rememberParse(kind, sha256, value)
}

export function forgetParse(app: AppContext, kind: string): void {
  app.roster.forgetParse(kind)
}
