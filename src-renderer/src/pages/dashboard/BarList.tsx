import { Group, Progress, Stack, Text } from '@mantine/core'

export interface Bar {
  label: string
  count: number
}

/**
 * A small horizontal bar chart: label, bar, count. Plain Mantine parts — the counts are few and a chart
 * library would be more weight than the picture needs.
 */
export function BarList({ title, bars, testId }: { title: string; bars: Bar[]; testId?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.count))
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <Stack gap={4}>
        {bars.length === 0 && (
          <Text size="sm" c="dimmed">
            暂无
          </Text>
        )}
        {bars.map((b) => (
          <Group key={b.label} gap="xs" wrap="nowrap">
            <Text size="sm" w={96} truncate="end" title={b.label}>
              {b.label}
            </Text>
            <Progress value={(b.count / max) * 100} size="lg" style={{ flex: 1 }} aria-label={`${b.label} ${b.count} 个`} />
            <Text size="sm" fw={600} w={40} ta="right" c={b.count ? undefined : 'dimmed'}>
              {b.count}
            </Text>
          </Group>
        ))}
      </Stack>
    </div>
  )
}

/** Count by a key, largest first; beyond `top` the rest are summed as 其他. */
export function tally<T>(items: T[], key: (item: T) => string, top = 8): Bar[] {
  const counts = new Map<string, number>()
  for (const item of items) {
    const k = key(item) || '（未填）'
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  const sorted = [...counts.entries()].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count)
  if (sorted.length <= top) return sorted
  const rest = sorted.slice(top - 1).reduce((n, b) => n + b.count, 0)
  return [...sorted.slice(0, top - 1), { label: '其他', count: rest }]
}
