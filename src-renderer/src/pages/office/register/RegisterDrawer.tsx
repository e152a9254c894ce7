import { Anchor, Badge, Drawer, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useCallback, useState } from 'react'
import { call, openOutput } from '../../../api'
import { notifyError } from '../../../app/notify'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useLoader } from '../../../components/useLoader'
import { formatBytes, formatTime } from '../common/format'

/** One site of the register: every field its bundle carried, and its files, each taken out of the stored bundle. */
export function RegisterDrawer({ siteId, onClose }: { siteId: number | null; onClose(): void }) {
  return (
    <Drawer opened={siteId !== null} onClose={onClose} position="right" size="xl" title="现场详情">
      {siteId !== null && <SiteDetails siteId={siteId} />}
    </Drawer>
  )
}

function SiteDetails({ siteId }: { siteId: number }) {
  const load = useCallback(() => call('office.register.site', { id: siteId }), [siteId])
  const { data, error, reload } = useLoader(load)
  const [opening, setOpening] = useState<string | null>(null)

  if (error !== null) return <ErrorAlert title="无法读取现场" error={error} onRetry={() => void reload()} />
  if (!data) return <Loader size="sm" aria-label="正在读取" />

  const open = async (entryPath: string) => {
    setOpening(entryPath)
    try {
      const copy = await call('office.register.exportFile', { siteId, entryPath })
      await openOutput(copy.path, copy.name)
    } catch (e) {
      notifyError(e, '文件未能取出')
    } finally {
      setOpening(null)
    }
  }

  return (
    <Stack gap="md" data-testid="register-drawer">
      <div>
        <Title order={3} size="h4">
          {data.name}
        </Title>
        <Group gap="xs" mt={4}>
          <Badge variant="light" radius="sm">
            {data.province}
          </Badge>
          <Text size="sm" ff="monospace">
            {data.code}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          来自报送包“{data.bundle.originalName}”，{formatTime(data.bundle.receivedAt)} 收到
        </Text>
      </div>
      <Table withTableBorder striped aria-label="现场信息" data-testid="register-fields">
        <Table.Tbody>
          {data.fields.map((f) => (
            <Table.Tr key={f.field}>
              <Table.Th w={160}>{f.label}</Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }}>{f.value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <div>
        <Title order={4} size="h5" mb={4}>
          附件（{data.files.length}）
        </Title>
        {data.files.length === 0 ? (
          <Text size="sm" c="dimmed">
            没有附件
          </Text>
        ) : (
          <Stack gap={4}>
            {data.files.map((f) => (
              <Group key={f.path} gap="xs" wrap="nowrap" data-testid="register-file">
                <Anchor component="button" size="sm" onClick={() => void open(f.path)} disabled={opening !== null} title={f.path}>
                  {f.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatBytes(f.size)}
                </Text>
                {opening === f.path && <Loader size="xs" aria-label="正在取出" />}
              </Group>
            ))}
          </Stack>
        )}
      </div>
    </Stack>
  )
}
