import { Anchor, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core'
import { useCallback } from 'react'
import { call } from '../../api'
import { routeHref } from '../../app/routes'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useLoader } from '../../components/useLoader'
import { formatTime } from '../review/findingView'

/** Open findings of the year (checks.summary), with a way to 审核. */
export function FindingOverview() {
  const load = useCallback(() => call('checks.summary', {}), [])
  const { data, error, reload } = useLoader(load)
  if (error !== null) return <ErrorAlert title="无法读取审核概况" error={error} onRetry={() => void reload()} />
  const items = [
    { label: '错误', value: data?.errors, color: 'red' },
    { label: '警告', value: data?.warnings, color: 'yellow.8' },
    { label: '有错误的现场', value: data?.sitesWithErrors, color: 'red' },
  ]
  return (
    <Paper withBorder p="md" data-testid="finding-overview">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          审核问题
        </Title>
        <Anchor href={routeHref('review')} size="sm">
          去审核
        </Anchor>
      </Group>
      <SimpleGrid cols={3}>
        {items.map((item) => (
          <div key={item.label}>
            <Text size="xs" c="dimmed">
              {item.label}
            </Text>
            <Text fw={700} fz={26} c={item.value ? item.color : undefined}>
              {item.value ?? '—'}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        上次审核：{formatTime(data?.lastRunAt ?? null)}
      </Text>
    </Paper>
  )
}
