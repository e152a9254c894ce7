import { Badge, Group, Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { Finding } from '@contract'
import { FindingItem } from './FindingItem'
import type { ListRow } from './findingView'

interface FindingListProps {
  rows: ListRow[]
  emptyText: string
  busyId: number | null
  onWaive(finding: Finding): void
  onUnwaive(finding: Finding): void
}

/** The grouped findings, virtualised: thousands of rows scroll as smoothly as ten. */
export function FindingList({ rows, emptyText, busyId, onWaive, onUnwaive }: FindingListProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'group' ? 40 : 62),
    overscan: 10,
    getItemKey: (i) => rows[i]?.key ?? i,
  })

  return (
    <div
      ref={scrollRef}
      aria-label="审核问题"
      role="list"
      style={{
        flex: 1,
        minHeight: 0,
        overflow: 'auto',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
      }}
    >
      {rows.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {emptyText}
        </Text>
      ) : (
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]
            return (
              <div
                key={item.key}
                role="listitem"
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                {row.kind === 'group' ? (
                  <Group
                    data-testid="finding-group"
                    justify="space-between"
                    px="sm"
                    py={8}
                    bg="var(--mantine-color-default-hover)"
                    style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
                  >
                    <Group gap="xs">
                      <Text fw={700} size="sm">
                        {row.title}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {row.detail}
                      </Text>
                    </Group>
                    <Badge variant="default" radius="sm">
                      {row.count} 条
                    </Badge>
                  </Group>
                ) : (
                  <FindingItem finding={row.finding} busy={busyId === row.finding.id} onWaive={onWaive} onUnwaive={onUnwaive} />
                )}
              </div>
            )
          })}
        </div>
      )}
    </div>
  )
}
