import { Button, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useCallback, useState } from 'react'
import type { OpOutput } from '@contract'
import { call, openOutput } from '../../../api'
import { notifyError, notifySuccess } from '../../../app/notify'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useLoader } from '../../../components/useLoader'
import { formatTime } from '../common/format'
import { ImportResultsButton } from './ImportResultsButton'
import { RecordResultForm } from './RecordResultForm'

export type OfficeResult = OpOutput<'office.results.list'>['results'][number]

/** 评定结果: the rating of each site, and each province's results file in the format its 评定结果 import reads. */
export function OfficeResultsPage() {
  const load = useCallback(async () => (await call('office.results.list', {})).results, [])
  const { data, loading, error, reload } = useLoader(load)
  const [editing, setEditing] = useState<OfficeResult | null>(null)
  const [province, setProvince] = useState<string | null>(null)
  const results = data ?? []
  const provinces = [...new Set(results.map((r) => r.province))].sort((a, b) => a.localeCompare(b, 'zh-CN'))
  const shown = province ? results.filter((r) => r.province === province) : results

  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between" align="center">
        <Title order={2}>评定结果</Title>
        <ImportResultsButton onImported={() => void reload()} />
      </Group>
      <RecordResultForm
        editing={editing}
        onSaved={() => {
          setEditing(null)
          void reload()
        }}
        onCancelEdit={() => setEditing(null)}
      />
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs" align="flex-end">
          <Title order={3} size="h4">
            已记录的结果（{results.length}）
          </Title>
          <Group gap="sm" align="flex-end">
            <Select label="省份" placeholder="全部省份" data={provinces} value={province} onChange={setProvince} clearable w={180} />
            <ExportProvinceButton province={province} />
          </Group>
        </Group>
        {error !== null && <ErrorAlert title="无法读取评定结果" error={error} onRetry={() => void reload()} />}
        {loading && !data && <Loader size="sm" aria-label="正在读取" />}
        {data && shown.length === 0 ? (
          <Text c="dimmed" ta="center" py="md">
            还没有记录评定结果
          </Text>
        ) : (
          <Table withTableBorder striped highlightOnHover aria-label="评定结果">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>省份</Table.Th>
                <Table.Th>现场编号</Table.Th>
                <Table.Th>现场名称</Table.Th>
                <Table.Th>批次</Table.Th>
                <Table.Th>评定星级</Table.Th>
                <Table.Th>证书编号</Table.Th>
                <Table.Th>标牌编号</Table.Th>
                <Table.Th>记录</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r) => (
                <Table.Tr key={`${r.province}:${r.code}:${r.batch}`} data-testid="office-result-row">
                  <Table.Td>{r.province}</Table.Td>
                  <Table.Td ff="monospace">{r.code}</Table.Td>
                  <Table.Td>
                    {r.name}
                    {!r.inRegister && (
                      <Text size="xs" c="orange">
                        已不在全国名册中（该省已撤回）
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.batch}</Table.Td>
                  <Table.Td>{r.starLabel}</Table.Td>
                  <Table.Td>{r.certificateNo}</Table.Td>
                  <Table.Td>{r.plaqueNo}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatTime(r.recordedAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {r.recordedBy}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" onClick={() => setEditing(r)}>
                      修改
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  )
}

function ExportProvinceButton({ province }: { province: string | null }) {
  const [busy, setBusy] = useState(false)
  const run = async () => {
    if (!province) return
    setBusy(true)
    try {
      const out = await call('office.results.export', { province })
      await openOutput(out.path, out.path.split(/[\\/]/).pop())
      notifySuccess(`已导出${province}的评定结果 ${out.rows} 条`, '导出完成')
    } catch (e) {
      notifyError(e, '导出未完成')
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button variant="default" onClick={() => void run()} loading={busy} disabled={!province} title={province ? undefined : '先选择一个省份'}>
      导出该省评定结果文件
    </Button>
  )
}
