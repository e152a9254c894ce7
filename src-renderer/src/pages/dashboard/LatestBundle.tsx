import { Anchor, Paper, Stack, Text, Title } from '@mantine/core'
import { useCallback } from 'react'
import { call } from '../../api'
import { routeHref } from '../../app/routes'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useLoader } from '../../components/useLoader'

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** The last bundle sent (or none yet), so the clerk knows what the national office has. */
export function LatestBundle() {
  const load = useCallback(() => call('bundle.history', { limit: 1 }), [])
  const { data, error, reload } = useLoader(load)
  if (error !== null) return <ErrorAlert title="无法读取报送记录" error={error} onRetry={() => void reload()} />
  const latest = data?.bundles[0]
  return (
    <Paper withBorder p="md" data-testid="latest-bundle">
      <Title order={3} size="h5" mb="sm">
        最近的报送包
      </Title>
      {!data ? null : latest ? (
        <Stack gap={2}>
          <Text size="sm">{new Date(latest.createdAt).toLocaleString('zh-CN')}</Text>
          <Text size="sm">
            {latest.sites} 个现场，{latest.files} 个文件，{mb(latest.size)}
          </Text>
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {latest.path}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          还没有生成报送包。<Anchor href={routeHref('bundle')}>去生成</Anchor>
        </Text>
      )}
    </Paper>
  )
}
