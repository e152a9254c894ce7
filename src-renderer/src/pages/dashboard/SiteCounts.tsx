import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useCallback } from 'react'
import { SITE_STATUS_LABELS, SITE_STATUSES, SITE_TYPE_INFO, SITE_TYPES, type Site } from '@contract'
import { call } from '../../api'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useLoader } from '../../components/useLoader'

function CountList({ title, rows }: { title: string; rows: { label: string; count: number }[] }) {
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <Stack gap={2}>
        {rows.map((r) => (
          <Group key={r.label} justify="space-between">
            <Text size="sm">{r.label}</Text>
            <Text size="sm" fw={600} c={r.count ? undefined : 'dimmed'}>
              {r.count}
            </Text>
          </Group>
        ))}
      </Stack>
    </div>
  )
}

const count = <T,>(sites: Site[], key: (s: Site) => T, value: T) => sites.filter((s) => key(s) === value).length

/** This year's sites counted by type and by status (sites.list). */
export function SiteCounts() {
  const load = useCallback(() => call('sites.list', {}), [])
  const { data, error, reload } = useLoader(load)
  if (error !== null) return <ErrorAlert title="无法读取现场" error={error} onRetry={() => void reload()} />
  const sites = data?.sites ?? []
  return (
    <Paper withBorder p="md" data-testid="site-counts">
      <Title order={3} size="h5" mb="sm">
        推荐现场 {data ? `${sites.length} 个` : ''}
      </Title>
      <SimpleGrid cols={2} spacing="xl">
        <CountList title="按类型" rows={SITE_TYPES.map((t) => ({ label: SITE_TYPE_INFO[t].label, count: count(sites, (s) => s.type, t) }))} />
        <CountList
          title="按状态"
          rows={SITE_STATUSES.map((st) => ({ label: SITE_STATUS_LABELS[st], count: count(sites, (s) => s.status, st) }))}
        />
      </SimpleGrid>
    </Paper>
  )
}
