/**
 * What changed between a province's earlier bundle and the one that supersedes it, site by site (matched by
 * site code): sites added, sites withdrawn, and each changed field with its value before and after.
 */
export interface DiffSite {
  code: string
  name: string
  /** Compared field by field; values are compared as JSON so numbers, text and lists all work. */
  fields: Record<string, unknown>
}

export interface FieldChange {
  code: string
  field: string
  before: unknown
  after: unknown
}

export interface BundleDiff {
  added: { code: string; name: string }[]
  withdrawn: { code: string; name: string }[]
  changed: FieldChange[]
}

export function diffSites(before: DiffSite[], after: DiffSite[]): BundleDiff {
  const old = new Map(before.map((s) => [s.code, s]))
  const now = new Map(after.map((s) => [s.code, s]))
  const diff: BundleDiff = { added: [], withdrawn: [], changed: [] }
  for (const s of after) {
    const prev = old.get(s.code)
    if (!prev) {
      diff.added.push({ code: s.code, name: s.name })
      continue
    }
    const fields = new Set([...Object.keys(prev.fields), ...Object.keys(s.fields)])
    for (const field of [...fields].sort()) {
      const a = prev.fields[field]
      const b = s.fields[field]
      if (JSON.stringify(a) !== JSON.stringify(b)) diff.changed.push({ code: s.code, field, before: a ?? null, after: b ?? null })
    }
  }
  for (const s of before) if (!now.has(s.code)) diff.withdrawn.push({ code: s.code, name: s.name })
  return diff
}

export function diffIsEmpty(diff: BundleDiff): boolean {
  return diff.added.length === 0 && diff.withdrawn.length === 0 && diff.changed.length === 0
}
