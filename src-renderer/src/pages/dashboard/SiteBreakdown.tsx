import { Paper, SimpleGrid, Title } from '@mantine/core'
import { useCallback } from 'react'
import { call } from '../../api'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useLoader } from '../../components/useLoader'
import { BarList, tally } from './BarList'

/** Where this year's sites come from: by 所属企业 and by 所在地市. */
export function SiteBreakdown() {
  const load = useCallback(() => call('sites.list', {}), [])
  const { data, error, reload } = useLoader(load)
  if (error !== null) return <ErrorAlert title="无法读取现场" error={error} onRetry={() => void reload()} />
  const sites = data?.sites ?? []
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        推荐来源
      </Title>
      <SimpleGrid cols={2} spacing="xl">
        <BarList title="按所属企业" testId="by-enterprise" bars={tally(sites, (s) => s.enterprise)} />
        <BarList title="按所在地市" testId="by-city" bars={tally(sites, (s) => s.city)} />
      </SimpleGrid>
    </Paper>
  )
}
