import { Button, Group, MultiSelect, Pill, TextInput } from '@mantine/core'
import { memo, useMemo } from 'react'
import { SITE_STATUSES, SITE_STATUS_LABELS, SITE_TYPES, SITE_TYPE_INFO, type Site } from '@contract'
import { hasFilters, NO_FILTERS, optionsOf, type Option, type SiteFilters } from './siteView'

interface SiteToolbarProps {
  sites: Site[]
  query: string
  onQuery(value: string): void
  filters: SiteFilters
  onFilters(filters: SiteFilters): void
}

/** Keeps a vocabulary's own order (types, statuses), offering only the values the list holds. */
function presentIn<T extends string>(order: readonly T[], sites: Site[], pick: (s: Site) => T, label: (v: T) => string): Option[] {
  const present = new Set(sites.map(pick))
  return order.filter((v) => present.has(v)).map((value) => ({ value, label: label(value) }))
}

/** Search as you type, and filters built from the values the list actually holds. */
export function SiteToolbar({ sites, query, onQuery, filters, onFilters }: SiteToolbarProps) {
  return (
    <Group gap="xs" align="flex-start" style={{ flex: 1, minWidth: 0 }}>
      <TextInput
        aria-label="搜索现场"
        placeholder="搜索现场名称、编号、地址、推荐单位…"
        value={query}
        onChange={(e) => onQuery(e.currentTarget.value)}
        style={{ flex: '1 1 170px', maxWidth: 320 }}
      />
      <FilterSelects sites={sites} filters={filters} onFilters={onFilters} />
      {(hasFilters(filters) || query) && (
        <Button
          variant="subtle"
          px="xs"
          onClick={() => {
            onQuery('')
            onFilters(NO_FILTERS)
          }}
        >
          清除条件
        </Button>
      )}
    </Group>
  )
}

/** Memoised apart from the search box: a keystroke does not redraw four dropdowns. */
const FilterSelects = memo(function FilterSelects({ sites, filters, onFilters }: Pick<SiteToolbarProps, 'sites' | 'filters' | 'onFilters'>) {
  const options = useMemo(
    () => ({
      types: presentIn(SITE_TYPES, sites, (s) => s.type, (t) => SITE_TYPE_INFO[t].label),
      enterprises: optionsOf(sites, (s) => s.enterprise),
      cities: optionsOf(sites, (s) => s.city),
      statuses: presentIn(SITE_STATUSES, sites, (s) => s.status, (v) => SITE_STATUS_LABELS[v]),
    }),
    [sites],
  )
  const filter = (key: keyof SiteFilters, label: string, width: number) => (
    <MultiSelect
      aria-label={label}
      placeholder={filters[key].length ? undefined : label}
      data={options[key]}
      value={filters[key]}
      onChange={(value) => onFilters({ ...filters, [key]: value })}
      clearable
      searchable
      nothingFoundMessage="没有可选项"
      w={width}
      maxDropdownHeight={320}
      // One line whatever is picked: the first value, then "+2" for the rest (all are ticked in the list).
      renderPill={({ option, value, onRemove }) => {
        const at = value === undefined ? -1 : filters[key].indexOf(value)
        if (at === 0)
          return (
            <Pill key={String(option.value)} withRemoveButton onRemove={onRemove} maw={width - 72}>
              {option.label}
            </Pill>
          )
        if (at === 1) return <Pill key="more">+{filters[key].length - 1}</Pill>
        return null
      }}
      styles={{ pillsList: { flexWrap: 'nowrap' } }}
    />
  )
  return (
    <>
      {filter('types', '现场类型', 140)}
      {filter('enterprises', '所属企业', 180)}
      {filter('cities', '所在地市', 170)}
      {filter('statuses', '状态', 160)}
    </>
  )
})
