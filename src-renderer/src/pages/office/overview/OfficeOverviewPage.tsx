import { Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useCallback } from 'react'
import { call } from '../../../api'
import { officeHref } from '../../../app/office/officeRoutes'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useLoader } from '../../../components/useLoader'
import { BarList } from '../../dashboard/BarList'
import { formatTime } from '../common/format'
import { Deadline } from './Deadline'

/** 总览: what has arrived, from whom, and who has not sent anything yet. */
export function OfficeOverviewPage() {
  const load = useCallback(() => call('office.overview', {}), [])
  const { data, loading, error, reload } = useLoader(load)

  if (error !== null && !data) return <ErrorAlert title="无法读取总览" error={error} onRetry={() => void reload()} />
  if (!data) return loading ? <Loader size="sm" aria-label="正在读取总览" /> : null
  const { totals } = data
  const bars = (list: { label: string; sites: number }[]) => list.map((c) => ({ label: c.label || '（未填）', count: c.sites }))

  return (
    <Stack gap="md" maw={1200} data-testid="office-overview">
      <Title order={2}>总览</Title>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Stat label="全国名册现场" value={totals.sites} testId="overview-sites" />
        <Stat label="已报送省份" value={`${totals.provinces} / 31`} testId="overview-provinces" />
        <Stat label="收到的报送包" value={totals.bundles} testId="overview-bundles" />
        <Stat label="待确认" value={totals.pending} color={totals.pending ? 'orange' : undefined} href={officeHref('bundles')} />
        <Deadline deadline={data.profile.deadline} daysLeft={data.daysLeft} />
      </SimpleGrid>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Text fw={600} size="sm">
            尚未报送的省份（{data.missing.length} 个）
          </Text>
        </Group>
        {data.missing.length === 0 ? (
          <Text size="sm" c="teal">
            31 个省（自治区、直辖市）都已报送。
          </Text>
        ) : (
          <Group gap={6} data-testid="overview-missing">
            {data.missing.map((p) => (
              <Badge key={p} variant="light" color="gray" radius="sm">
                {p}
              </Badge>
            ))}
          </Group>
        )}
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <BarList title="按省份" testId="overview-by-province" bars={data.byProvince.map((p) => ({ label: p.province, count: p.sites }))} />
          {data.byProvince.length > 0 && (
            <Text size="xs" c="dimmed" mt="xs">
              最近收到：{formatTime(data.byProvince.map((p) => p.receivedAt ?? '').sort().pop())}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="md">
            <BarList title="按现场类型" testId="overview-by-type" bars={bars(data.byType)} />
            <BarList title="按申报星级" testId="overview-by-star" bars={bars(data.byStar)} />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <BarList title="按所属企业" testId="overview-by-enterprise" bars={bars(data.byEnterprise)} />
        </Paper>
        <Paper withBorder p="md">
          <BarList title="按推荐单位" testId="overview-by-recommender" bars={bars(data.byRecommender)} />
        </Paper>
      </SimpleGrid>
    </Stack>
  )
}

function Stat({ label, value, color, testId, href }: { label: string; value: number | string; color?: string; testId?: string; href?: string }) {
  return (
    <Paper withBorder p="md" component={href ? 'a' : 'div'} href={href} style={href ? { textDecoration: 'none', color: 'inherit' } : undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  )
}
