import { Badge, Button, Code, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useCallback } from 'react'
import { call } from '../../../api'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useLoader } from '../../../components/useLoader'
import { formatTime } from '../common/format'
import { AddKeyForm } from './AddKeyForm'

/** 公钥: each province's registered key (the current one first), with the keys it replaced. */
export function KeysPage() {
  const load = useCallback(async () => (await call('office.keys.list', { includeHistory: true })).keys, [])
  const { data, loading, error, reload } = useLoader(load)
  const keys = data ?? []
  const provinces = [...new Set(keys.map((k) => k.province))].sort((a, b) => a.localeCompare(b, 'zh-CN'))

  return (
    <Stack gap="md" maw={1200}>
      <Title order={2}>公钥</Title>
      <Text size="sm" c="dimmed">
        登记各省级协会的公钥后，由该密钥签名的报送包直接入库；未登记密钥签名的报送包列为“待确认”，核对报送函上的指纹后才入库。
        省级协会更换电脑或密钥时重新登记即可，原公钥保留在历史中。
      </Text>
      <AddKeyForm onAdded={() => void reload()} />
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h4">
            已登记的公钥（{provinces.length} 个省份）
          </Title>
        </Group>
        {error !== null && <ErrorAlert title="无法读取公钥" error={error} onRetry={() => void reload()} />}
        {loading && !data && <Loader size="sm" aria-label="正在读取" />}
        {data && keys.length === 0 && (
          <Text c="dimmed" ta="center" py="md">
            还没有登记公钥
          </Text>
        )}
        {keys.length > 0 && (
          <Table withTableBorder verticalSpacing="xs" aria-label="已登记的公钥">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={130}>省份</Table.Th>
                <Table.Th>指纹</Table.Th>
                <Table.Th w={130}>登记方式</Table.Th>
                <Table.Th w={200}>登记时间</Table.Th>
                <Table.Th w={200}>状态</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {provinces.flatMap((p) =>
                keys
                  .filter((k) => k.province === p)
                  .sort((a, b) => (a.supersededAt === null ? -1 : b.supersededAt === null ? 1 : b.registeredAt.localeCompare(a.registeredAt)))
                  .map((k) => (
                    <Table.Tr key={k.id} data-testid="key-row" data-province={k.province} data-current={k.supersededAt === null} c={k.supersededAt ? 'dimmed' : undefined}>
                      <Table.Td>{k.province}</Table.Td>
                      <Table.Td>
                        <Code data-testid="key-fingerprint" style={{ whiteSpace: 'normal', wordBreak: 'break-all' }}>
                          {k.fingerprint}
                        </Code>
                      </Table.Td>
                      <Table.Td>{k.source === 'file' ? '公钥文件' : '手工录入指纹'}</Table.Td>
                      <Table.Td>
                        {formatTime(k.registeredAt)}
                        <Text size="xs" c="dimmed">
                          {k.registeredBy}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {k.supersededAt ? (
                          <Text size="xs">于 {formatTime(k.supersededAt)} 被更换</Text>
                        ) : (
                          <Badge color="teal" variant="light" radius="sm">
                            当前使用
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  )),
              )}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Button variant="subtle" size="xs" w="fit-content" onClick={() => void reload()}>
        刷新
      </Button>
    </Stack>
  )
}
