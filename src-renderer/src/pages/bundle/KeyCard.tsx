import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { call, openOutput, revealOutput } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'
import { useSettings } from '../../app/SettingsContext'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Fingerprint } from './Fingerprint'
import { joinPath } from './format'

interface KeyCardProps {
  fingerprint: string | null
  error: unknown
  onRetry(): void
}

/** The association's signing key: its fingerprint, to be compared with the cover letter, and 导出公钥. */
export function KeyCard({ fingerprint, error, onRetry }: KeyCardProps) {
  const { settings } = useSettings()
  const [busy, setBusy] = useState(false)
  const fileName = `${settings?.association?.shortName ?? '协会'}_报送包签名公钥.pem`

  const exportKey = async () => {
    setBusy(true)
    try {
      const bridge = window.starsite
      if (bridge) {
        const outPath = await bridge.dialogs.saveFile({ title: '导出公钥', defaultName: fileName, filters: [{ name: '公钥文件', extensions: ['pem'] }] })
        if (!outPath) return
        const out = await call('keys.exportPublic', { outPath })
        await revealOutput(out.path)
        notifySuccess(`公钥已保存到 ${out.path}`, '导出完成')
      } else {
        if (!settings) return
        const out = await call('keys.exportPublic', { outPath: joinPath(settings.dataDir, 'outputs', fileName) })
        await openOutput(out.path, fileName)
        notifySuccess('公钥已导出，请在浏览器的下载中查看', '导出完成')
      }
    } catch (e) {
      notifyError(e, '公钥未导出')
    } finally {
      setBusy(false)
    }
  }

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6}>
          <Title order={4}>签名公钥指纹</Title>
          {error !== null ? (
            <ErrorAlert title="无法读取签名密钥" error={error} onRetry={onRetry} />
          ) : fingerprint ? (
            <Fingerprint value={fingerprint} testId="own-fingerprint" />
          ) : (
            <Skeleton h={56} w={420} />
          )}
          <Text size="xs" c="dimmed" maw={560}>
            报送包用本协会的密钥签名。全国推进办公室收到报送包后，会将校验得到的指纹与盖章报送函上印的指纹逐组核对。
          </Text>
        </Stack>
        <Button variant="default" onClick={() => void exportKey()} loading={busy} disabled={!fingerprint}>
          导出公钥
        </Button>
      </Group>
    </Paper>
  )
}
