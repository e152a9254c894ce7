import { MultiSelect, Pill } from '@mantine/core'
import { memo, useMemo } from 'react'
import { SITE_STATUSES, SITE_STATUS_LABELS, SITE_TYPES, SITE_TYPE_INFO } from '@contract'
import { CHECK_STATES, FILTER_FIELDS, optionsOf, type ListedSite, type Option, type SiteFilters } from './siteView'

interface FilterSelectsProps {
  sites: ListedSite[]
  filters: SiteFilters
  onFilters(filters: SiteFilters): void
}

/** Keeps a vocabulary's own order (types, statuses), offering only the values the list holds. */
function presentIn<T extends string>(order: readonly T[], sites: ListedSite[], pick: (s: ListedSite) => T, label: (v: T) => string): Option[] {
  const present = new Set(sites.map(pick))
  return order.filter((v) => present.has(v)).map((value) => ({ value, label: label(value) }))
}

/** Memoised apart from the search box: a keystroke does not redraw the dropdowns. */
export const FilterSelects = memo(function FilterSelects({ sites, filters, onFilters }: FilterSelectsProps) {
  const options = useMemo(
    () => ({
      types: presentIn(SITE_TYPES, sites, (s) => s.type, (t) => SITE_TYPE_INFO[t].label),
      enterprises: optionsOf(sites, (s) => s.enterprise),
      cities: optionsOf(sites, (s) => s.city),
      statuses: presentIn(SITE_STATUSES, sites, (s) => s.status, (v) => SITE_STATUS_LABELS[v]),
      checks: CHECK_STATES.map((c) => ({ value: c.value, label: c.label })),
    }),
    [sites],
  )
  const filter = (key: keyof SiteFilters, label: string, width: number) => (
    <MultiSelect
      key={key}
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
  return <>{FILTER_FIELDS.map((f) => filter(f.key, f.label, f.width))}</>
})
