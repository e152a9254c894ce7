import { useDeferredValue, useMemo, useState } from 'react'
import { filterRegister, indexRegister, type RegisterRow } from './registerView'

/** The typed text shows at once; the filtering follows as a deferred render, so typing never waits. */
export function useRegisterView(rows: RegisterRow[]) {
  const [query, setQuery] = useState('')
  const [province, setProvince] = useState<string | null>(null)
  const deferredQuery = useDeferredValue(query)
  const deferredProvince = useDeferredValue(province)
  const index = useMemo(() => indexRegister(rows), [rows])
  const visible = useMemo(() => filterRegister(index, deferredQuery, deferredProvince), [index, deferredQuery, deferredProvince])
  return { query, setQuery, province, setProvince, visible, stale: query !== deferredQuery || province !== deferredProvince }
}
