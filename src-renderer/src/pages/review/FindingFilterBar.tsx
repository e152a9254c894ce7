import { Group, SegmentedControl, Select, Switch } from '@mantine/core'
import { RULE_IDS, RULE_LABELS, SEVERITIES, SEVERITY_LABELS, SITE_TYPE_INFO, SITE_TYPES, type RuleId, type Severity } from '@contract'
import type { FindingFilters, GroupBy, SiteType } from './findingView'

const SEVERITY_OPTIONS = SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))
const RULE_OPTIONS = RULE_IDS.map((r) => ({ value: r, label: RULE_LABELS[r] }))
const TYPE_OPTIONS = SITE_TYPES.map((t) => ({ value: t, label: SITE_TYPE_INFO[t].label }))

interface FindingFilterBarProps {
  groupBy: GroupBy
  onGroupBy(by: GroupBy): void
  filters: FindingFilters
  onFilters(filters: FindingFilters): void
  enterprises: string[]
}

export function FindingFilterBar({ groupBy, onGroupBy, filters, onFilters, enterprises }: FindingFilterBarProps) {
  const set = <K extends keyof FindingFilters>(key: K, value: FindingFilters[K]) => onFilters({ ...filters, [key]: value })
  return (
    <Group gap="sm" align="flex-end">
      <SegmentedControl
        aria-label="分组方式"
        value={groupBy}
        onChange={(v) => onGroupBy(v === 'rule' ? 'rule' : 'site')}
        data={[
          { value: 'site', label: '按现场' },
          { value: 'rule', label: '按规则' },
        ]}
      />
      <Select
        label="级别"
        placeholder="全部"
        data={SEVERITY_OPTIONS}
        value={filters.severity}
        onChange={(v) => set('severity', (v as Severity | null) ?? null)}
        clearable
        w={110}
      />
      <Select
        label="规则"
        placeholder="全部规则"
        data={RULE_OPTIONS}
        value={filters.rule}
        onChange={(v) => set('rule', (v as RuleId | null) ?? null)}
        clearable
        searchable
        w={200}
      />
      <Select
        label="现场类型"
        placeholder="全部类型"
        data={TYPE_OPTIONS}
        value={filters.type}
        onChange={(v) => set('type', (v as SiteType | null) ?? null)}
        clearable
        w={130}
      />
      <Select
        label="所属企业"
        placeholder="全部企业"
        data={enterprises}
        value={filters.enterprise}
        onChange={(v) => set('enterprise', v)}
        clearable
        w={140}
      />
      <Switch
        label="显示已豁免"
        checked={filters.showWaived}
        onChange={(e) => set('showWaived', e.currentTarget.checked)}
        mb={8}
      />
    </Group>
  )
}
