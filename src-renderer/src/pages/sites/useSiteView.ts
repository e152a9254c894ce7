import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react'
import { filterIndex, indexSites, NO_FILTERS, sortIndex, type IndexedSite, type ListedSite, type SiteFilters, type SortKey, type SortState } from './siteView'

/**
 * Search, filters and sort of a site list. The typed text updates the box at once; the filtering follows as
 * a deferred render, so typing never waits for the table.
 */
export function useSiteView(sites: ListedSite[]) {
  const [query, setQuery] = useState('')
  const [filters, setFilters] = useState<SiteFilters>(NO_FILTERS)
  const [sort, setSort] = useState<SortState | null>(null)
  const deferredQuery = useDeferredValue(query)
  const deferredFilters = useDeferredValue(filters)

  const index = useMemo(() => indexSites(sites), [sites])
  useWarmSearch(index)
  const sorted = useMemo(() => sortIndex(index, sort), [index, sort])
  const visible = useMemo(() => filterIndex(sorted, deferredQuery, deferredFilters), [sorted, deferredQuery, deferredFilters])

  /** A click on a header: ascending, then descending, then back to the list's own order. */
  const toggleSort = useCallback((key: SortKey) => {
    setSort((s) => (s?.key !== key ? { key, dir: 'asc' } : s.dir === 'asc' ? { key, dir: 'desc' } : null))
  }, [])

  const sortProp = useMemo(() => ({ state: sort, onSort: toggleSort }), [sort, toggleSort])

  return {
    query,
    setQuery,
    filters,
    setFilters,
    sort: sortProp,
    visible,
    stale: query !== deferredQuery || filters !== deferredFilters,
  }
}

/**
 * The search texts are built lazily (the first screen does not wait for them); this builds them while the
 * browser is idle afterwards, a slice at a time, so that the first keystroke does not pay for them either.
 */
function useWarmSearch(index: IndexedSite[]): void {
  useEffect(() => {
    if (typeof window.requestIdleCallback !== 'function') return
    let next = 0
    let id = 0
    const work = (deadline: IdleDeadline) => {
      while (next < index.length && deadline.timeRemaining() > 1) void index[next++].haystack
      if (next < index.length) id = window.requestIdleCallback(work)
    }
    id = window.requestIdleCallback(work)
    return () => window.cancelIdleCallback(id)
  }, [index])
}

/** Checked rows, by id. The header box toggles every row that the search and filters show. */
export function useSelection(visible: ListedSite[]) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set())

  const toggle = useCallback((id: number) => {
    setSelected((old) => {
      const next = new Set(old)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }, [])

  const visibleSelected = useMemo(() => visible.reduce((n, s) => n + (selected.has(s.id) ? 1 : 0), 0), [visible, selected])
  const allState: 'none' | 'some' | 'all' =
    visibleSelected === 0 ? 'none' : visibleSelected === visible.length ? 'all' : 'some'

  const toggleAll = useCallback(() => {
    setSelected((old) => {
      const next = new Set(old)
      const every = visible.length > 0 && visible.every((s) => next.has(s.id))
      for (const s of visible) {
        if (every) next.delete(s.id)
        else next.add(s.id)
      }
      return next
    })
  }, [visible])

  const clear = useCallback(() => setSelected(new Set()), [])
  const forget = useCallback((ids: number[]) => {
    setSelected((old) => {
      const next = new Set(old)
      for (const id of ids) next.delete(id)
      return next
    })
  }, [])

  // One object per change, so the (memoised) table re-renders only when the selection really changed.
  return useMemo(() => ({ selected, toggle, toggleAll, allState, clear, forget }), [selected, toggle, toggleAll, allState, clear, forget])
}

export type Selection = ReturnType<typeof useSelection>
