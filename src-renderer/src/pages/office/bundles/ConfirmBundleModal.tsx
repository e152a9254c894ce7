import { Alert, Button, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { call, errorMessage, fieldErrors } from '../../../api'
import { notifySuccess } from '../../../app/notify'
import type { ReceivedBundle } from './BundlesTable'

/**
 * A bundle signed by a key the office has not registered: the clerk types the fingerprint printed on the
 * province's sealed cover letter; only a match with the bundle's key merges it into the register.
 */
export function ConfirmBundleModal({ bundle, onClose, onDone }: { bundle: ReceivedBundle | null; onClose(): void; onDone(): void }) {
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const close = () => {
    setTyped('')
    setError(null)
    onClose()
  }

  const confirm = async () => {
    if (!bundle) return
    setSaving(true)
    setError(null)
    try {
      const done = await call('office.bundles.confirm', { bundleId: bundle.id, fingerprint: typed })
      notifySuccess(`${done.province}的报送包已确认并入库`, '已确认')
      setTyped('')
      onDone()
    } catch (e) {
      setError(fieldErrors(e).fingerprint ?? errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened={bundle !== null} onClose={close} title="确认待确认的报送包" size="lg">
      {bundle && (
        <Stack gap="sm">
          <Text size="sm">
            {bundle.province}的报送包“{bundle.originalName}”由尚未登记的密钥签名。请取出{bundle.province}盖章的报送函，
            把函上印的公钥指纹输入下面，与报送包的签名密钥核对一致后才会并入全国名册，并登记为{bundle.province}的公钥。
          </Text>
          <div>
            <Text size="xs" c="dimmed">
              报送包的签名密钥指纹
            </Text>
            <Code block>{bundle.fingerprint}</Code>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              已登记的{bundle.province}公钥指纹
            </Text>
            <Code block>{bundle.registeredFingerprint ?? '尚未登记'}</Code>
          </div>
          <TextInput
            label="报送函上的指纹"
            placeholder="64 位十六进制数字，可按 8 位一组用空格分开"
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            error={error}
            data-autofocus
          />
          {bundle.registeredFingerprint && (
            <Alert color="orange" variant="light">
              确认后，{bundle.province}的公钥将更换为此报送包的密钥，原公钥保留在历史中。
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              取消
            </Button>
            <Button onClick={() => void confirm()} loading={saving} disabled={!typed.trim()}>
              确认并入库
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
