import { Group, Paper, SimpleGrid, Text } from '@mantine/core'
import type { CheckSummary } from '@contract'

const ITEMS: { key: 'errors' | 'warnings' | 'waived' | 'sitesWithErrors'; label: string; color: string }[] = [
  { key: 'errors', label: '错误', color: 'red' },
  { key: 'warnings', label: '警告', color: 'yellow.8' },
  { key: 'waived', label: '已豁免', color: 'gray' },
  { key: 'sitesWithErrors', label: '有错误的现场', color: 'red' },
]

/** The open findings counted by severity (checks.summary); shared by 审核 and 总览. */
export function SummaryCounts({ summary }: { summary: CheckSummary | null }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" aria-label="审核概况">
      {ITEMS.map((item) => (
        <Paper key={item.key} withBorder p="sm" data-testid={`count-${item.key}`}>
          <Text size="xs" c="dimmed">
            {item.label}
          </Text>
          <Group gap={4} align="baseline">
            <Text fw={700} fz={26} c={summary && summary[item.key] > 0 ? item.color : undefined}>
              {summary ? summary[item.key] : '—'}
            </Text>
            {item.key === 'sitesWithErrors' && summary && (
              <Text size="xs" c="dimmed">
                / {summary.sites} 个
              </Text>
            )}
          </Group>
        </Paper>
      ))}
    </SimpleGrid>
  )
}
