import { Loader, Text } from '@mantine/core'
import type { CSSProperties } from 'react'

export function Counter({ shown, total, loading }: { shown: number; total: number; loading: boolean }) {
  if (loading) return <Loader size="xs" aria-label="正在读取" />
  return (
    <Text size="sm" c="dimmed" data-testid="site-count" style={{ whiteSpace: 'nowrap' }} pt={6}>
      {shown === total ? `共 ${total} 个现场` : `显示 ${shown} / 共 ${total} 个现场`}
    </Text>
  )
}

/** What an empty table says: still loading, nothing matches the search, failed to load, or truly empty. */
export function emptyText(list: { loading: boolean; error: unknown; sites: unknown[] }, none: string, failed = '未能读取现场列表'): string {
  if (list.loading) return '正在读取…'
  if (list.sites.length > 0) return '没有符合搜索条件的现场'
  return list.error !== null ? failed : none
}

export const pageStyle: CSSProperties = { height: 'calc(100dvh - 56px - 2 * var(--mantine-spacing-md))', minHeight: 360 }

/** The checked sites that are still in the list, in list order. */
export const selectedIds = (sites: { id: number }[], selected: ReadonlySet<number>): number[] =>
  selected.size === 0 ? [] : sites.filter((s) => selected.has(s.id)).map((s) => s.id)
