import { Stack, Text, Title } from '@mantine/core'
import { useCallback } from 'react'
import { call } from '../../api'
import { useSettings } from '../../app/SettingsContext'
import { useLoader } from '../../components/useLoader'
import { BuildPanel } from './BuildPanel'
import { BundleHistory } from './BundleHistory'
import { DeferredPanel } from './DeferredPanel'
import { KeyCard } from './KeyCard'
import { VerifyPanel } from './VerifyPanel'

/** 报送包: the signing key, building the signed bundle, its history, and verifying any bundle. */
export function BundlePage() {
  const { settings } = useSettings()
  const ready = settings?.association != null
  const loadKey = useCallback(async () => (ready ? call('keys.info', {}) : null), [ready])
  const key = useLoader(loadKey)
  const loadHistory = useCallback(async () => (ready ? (await call('bundle.history', {})).bundles : []), [ready])
  const history = useLoader(loadHistory)
  const loadDeferred = useCallback(async () => (ready ? (await call('sites.deferrals', {})).sites : []), [ready])
  const deferred = useLoader(loadDeferred)

  return (
    <Stack gap="md">
      <Title order={2}>报送包</Title>
      {!ready && <Text c="dimmed">请先在“设置”中填写协会信息。</Text>}
      {ready && <KeyCard fingerprint={key.data?.fingerprint ?? null} error={key.error} onRetry={() => void key.reload()} />}
      <BuildPanel
        ready={ready}
        onBuilt={() => {
          void history.reload()
          void deferred.reload()
        }}
      />
      {ready && <DeferredPanel sites={deferred.data ?? []} error={deferred.error} onRetry={() => void deferred.reload()} onChanged={() => void deferred.reload()} />}
      <VerifyPanel />
      {ready && <BundleHistory bundles={history.data ?? []} loading={history.loading} error={history.error} onRetry={() => void history.reload()} />}
    </Stack>
  )
}
