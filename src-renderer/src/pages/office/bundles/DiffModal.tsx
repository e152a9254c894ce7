import { Badge, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core'
import { useCallback } from 'react'
import { call } from '../../../api'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useLoader } from '../../../components/useLoader'
import type { ReceivedBundle } from './BundlesTable'

/** What a re-sent bundle changed against the one it superseded: sites added, withdrawn, fields changed. */
export function DiffModal({ bundle, onClose }: { bundle: ReceivedBundle | null; onClose(): void }) {
  return (
    <Modal opened={bundle !== null} onClose={onClose} title={bundle ? `${bundle.province}报送包的变化` : ''} size="xl">
      {bundle && <DiffBody bundleId={bundle.id} />}
    </Modal>
  )
}

function DiffBody({ bundleId }: { bundleId: number }) {
  const load = useCallback(() => call('office.bundles.diff', { bundleId }), [bundleId])
  const { data, error, reload } = useLoader(load)
  if (error !== null) return <ErrorAlert title="无法读取变化" error={error} onRetry={() => void reload()} />
  if (!data) return <Loader size="sm" aria-label="正在读取" />
  const { diff } = data
  if (!diff) return <Text c="dimmed">这是该省收到的第一个报送包，没有可比较的内容。</Text>
  return (
    <Stack gap="md" data-testid="bundle-diff">
      <Section title="新增的现场" color="teal" rows={diff.added} testId="diff-added" />
      <Section title="撤回的现场" color="red" rows={diff.withdrawn} testId="diff-withdrawn" />
      <div>
        <Title order={4} size="h5" mb={4}>
          改动的字段（{diff.changed.length}）
        </Title>
        {diff.changed.length === 0 ? (
          <Text size="sm" c="dimmed">
            无
          </Text>
        ) : (
          <Table withTableBorder striped aria-label="改动的字段">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>现场</Table.Th>
                <Table.Th>字段</Table.Th>
                <Table.Th>原来</Table.Th>
                <Table.Th>现在</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {diff.changed.map((c, i) => (
                <Table.Tr key={i} data-testid="diff-changed">
                  <Table.Td>
                    {c.name}（{c.code}）
                  </Table.Td>
                  <Table.Td>{c.label}</Table.Td>
                  <Table.Td c="red">{c.before ?? '（无）'}</Table.Td>
                  <Table.Td c="teal">{c.after ?? '（无）'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </div>
    </Stack>
  )
}

function Section({ title, color, rows, testId }: { title: string; color: string; rows: { code: string; name: string }[]; testId: string }) {
  return (
    <div>
      <Title order={4} size="h5" mb={4}>
        {title}（{rows.length}）
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          无
        </Text>
      ) : (
        <Stack gap={2}>
          {rows.map((r) => (
            <Text key={r.code} size="sm" data-testid={testId}>
              <Badge size="xs" color={color} variant="light" mr={6} radius="sm">
                {r.code}
              </Badge>
              {r.name}
            </Text>
          ))}
        </Stack>
      )}
    </div>
  )
}
