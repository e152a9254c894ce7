import { Button, Group, TextInput } from '@mantine/core'
import { lazy } from 'react'
import { AfterFirstScreen } from '../../components/AfterFirstScreen'
import { FILTER_FIELDS, hasFilters, NO_FILTERS, type ListedSite, type SiteFilters } from './siteView'

// The dropdowns (combobox, popover and positioning code) follow the first screen: the list and the search
// box do not wait for them; until they arrive, boxes of the same size hold their place.
const FilterSelects = lazy(async () => ({ default: (await import('./FilterSelects')).FilterSelects }))

interface SiteToolbarProps {
  sites: ListedSite[]
  query: string
  onQuery(value: string): void
  filters: SiteFilters
  onFilters(filters: SiteFilters): void
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
      <AfterFirstScreen
        fallback={FILTER_FIELDS.map((f) => (
          <TextInput key={f.key} placeholder={f.label} w={f.width} disabled tabIndex={-1} aria-hidden />
        ))}
      >
        <FilterSelects sites={sites} filters={filters} onFilters={onFilters} />
      </AfterFirstScreen>
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

