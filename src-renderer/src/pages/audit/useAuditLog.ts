import { useCallback, useEffect, useRef, useState } from 'react'
import type { AuditEntry } from '@contract'
import { call } from '../../api'

const PAGE_SIZE = 200

export interface AuditFilter {
  text: string
  action: string | null
  entity: string | null
  /** The office reads its own log (same shape). */
  op?: 'audit.list' | 'office.audit.list'
}

/** The audit log, newest first, filtered on the core and read a page at a time. */
export function useAuditLog({ text, action, entity, op = 'audit.list' }: AuditFilter) {
  const [entries, setEntries] = useState<AuditEntry[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const [hasMore, setHasMore] = useState(false)
  const request = useRef(0)

  const load = useCallback(
    async (beforeId?: number) => {
      const id = ++request.current
      setLoading(true)
      try {
        const query = text.trim()
        const result = await call(op as 'audit.list', {
          limit: PAGE_SIZE,
          ...(query ? { text: query } : {}),
          ...(action ? { action } : {}),
          ...(entity ? { entity } : {}),
          ...(beforeId !== undefined ? { beforeId } : {}),
        })
        if (id !== request.current) return
        setEntries((old) => (beforeId === undefined ? result.entries : [...old, ...result.entries]))
        setHasMore(result.entries.length === PAGE_SIZE)
        setError(null)
      } catch (e) {
        if (id === request.current) setError(e)
      } finally {
        if (id === request.current) setLoading(false)
      }
    },
    [text, action, entity, op],
  )

  useEffect(() => {
    void load()
  }, [load])

  const loadMore = () => {
    const last = entries[entries.length - 1]
    if (last) void load(last.id)
  }

  return { entries, loading, error, hasMore, reload: () => load(), loadMore }
}
