/**
 * What the roster import remembers between preview and commit, one per open app (AppContext.roster): the
 * last parse of each kind of file and the last plan. Reading a workbook is the slow part of an import; commit
 * re-reads and re-hashes the file, and when the bytes are the ones the preview parsed, the parse (a pure
 * function of those bytes) is reused. One entry per kind and one plan: memory stays bounded by one roster.
 */
import type { ParsedRoster } from './parse'
import type { RosterPlan } from './plan'

export interface RememberedPlan {
  rows: ParsedRoster['rows']
  columns: ParsedRoster['columns']
  /** changeStamp of the database the plan was made against. */
  state: string
  plan: RosterPlan
}

export class RosterMemory {
  private readonly parses = new Map<string, { sha256: string; value: unknown }>()
  /** The last plan made (plan.ts decides when it still holds). */
  plan: RememberedPlan | null = null

  parse<T>(kind: string, sha256: string): T | undefined {
    const hit = this.parses.get(kind)
    return hit && hit.sha256 === sha256 ? (hit.value as T) : undefined
  }

  /** A new parse replaces the kind's old one. */
  rememberParse(kind: string, sha256: string, value: unknown): void {
    this.parses.set(kind, { sha256, value })
  }

  forgetParse(kind: string): void {
    this.parses.delete(kind)
  }
}
