import { RULE_IDS, RULE_LABELS, type Finding, type RuleId, type Severity, type Site } from '@contract'

export type GroupBy = 'site' | 'rule'
export type SiteType = Site['type']

export interface FindingFilters {
  severity: Severity | null
  rule: RuleId | null
  type: SiteType | null
  enterprise: string | null
  showWaived: boolean
}

export const NO_FILTERS: FindingFilters = { severity: null, rule: null, type: null, enterprise: null, showWaived: false }

export type ListRow =
  | { kind: 'group'; key: string; title: string; detail: string; count: number }
  | { kind: 'finding'; key: string; finding: Finding }

export function filterFindings(findings: Finding[], f: FindingFilters): Finding[] {
  return findings.filter(
    (x) =>
      (f.showWaived || !x.waived) &&
      (!f.severity || x.severity === f.severity) &&
      (!f.rule || x.rule === f.rule) &&
      (!f.type || x.siteType === f.type) &&
      (!f.enterprise || x.enterprise === f.enterprise),
  )
}

const ruleOrder = (rule: RuleId) => RULE_IDS.indexOf(rule)
/** Open errors first, then warnings, waived last. */
const weight = (x: Finding) => (x.waived ? 2 : x.severity === 'error' ? 0 : 1)

/** The flat rows of the virtual list: a header per site (by code) or per rule (in DESIGN §5 order). */
export function groupRows(findings: Finding[], by: GroupBy): ListRow[] {
  const groups = new Map<string, Finding[]>()
  for (const x of findings) {
    const key = by === 'site' ? `site:${x.siteId}` : `rule:${x.rule}`
    const list = groups.get(key)
    if (list) list.push(x)
    else groups.set(key, [x])
  }
  const entries = [...groups.entries()].sort(([, a], [, b]) =>
    by === 'site' ? a[0].siteCode.localeCompare(b[0].siteCode) : ruleOrder(a[0].rule) - ruleOrder(b[0].rule),
  )
  const rows: ListRow[] = []
  for (const [key, list] of entries) {
    const first = list[0]
    const errors = list.filter((x) => !x.waived && x.severity === 'error').length
    const detail = by === 'site' ? first.siteName : `${new Set(list.map((x) => x.siteId)).size} 个现场`
    rows.push({
      kind: 'group',
      key,
      title: by === 'site' ? first.siteCode : RULE_LABELS[first.rule],
      detail: errors ? `${detail} · ${errors} 个错误` : detail,
      count: list.length,
    })
    for (const x of [...list].sort((a, b) => weight(a) - weight(b) || ruleOrder(a.rule) - ruleOrder(b.rule) || a.id - b.id))
      rows.push({ kind: 'finding', key: `f:${x.id}`, finding: x })
  }
  return rows
}

/** The sites page opens this site's drawer at the field or attachment the finding is about. */
export function findingHref(x: Finding): string {
  const q = new URLSearchParams({ open: String(x.siteId) })
  if (x.target) q.set('focus', x.target)
  return `#/sites?${q.toString()}`
}

export const formatTime = (iso: string | null): string => {
  if (!iso) return '尚未审核'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('zh-CN', { hour12: false })
}
