import { Button, Group, Loader, Paper, Stack, Title } from '@mantine/core'
import { useCallback, useState } from 'react'
import { call } from '../../../api'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useLoader } from '../../../components/useLoader'
import { BundlesTable, type ReceivedBundle } from './BundlesTable'
import { ConfirmBundleModal } from './ConfirmBundleModal'
import { DiffModal } from './DiffModal'
import { ReceivePanel } from './ReceivePanel'

/** 报送包: receive bundles, and the history of every bundle received. */
export function OfficeBundlesPage() {
  // Newest first: the bundle just received is at the top.
  const load = useCallback(async () => (await call('office.bundles.list', {})).bundles.sort((a, b) => b.id - a.id), [])
  const { data, loading, error, reload } = useLoader(load)
  const [confirming, setConfirming] = useState<ReceivedBundle | null>(null)
  const [diffOf, setDiffOf] = useState<ReceivedBundle | null>(null)

  return (
    <Stack gap="md" maw={1400}>
      <Title order={2}>报送包</Title>
      <ReceivePanel onReceived={() => void reload()} />
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h4">
            收到的报送包
          </Title>
          <Button size="xs" variant="default" onClick={() => void reload()}>
            刷新
          </Button>
        </Group>
        {error !== null && <ErrorAlert title="无法读取收到的报送包" error={error} onRetry={() => void reload()} />}
        {data ? <BundlesTable bundles={data} onConfirm={setConfirming} onDiff={setDiffOf} /> : loading && <Loader size="sm" aria-label="正在读取" />}
      </Paper>
      <ConfirmBundleModal
        bundle={confirming}
        onClose={() => setConfirming(null)}
        onDone={() => {
          setConfirming(null)
          void reload()
        }}
      />
      <DiffModal bundle={diffOf} onClose={() => setDiffOf(null)} />
    </Stack>
  )
}
