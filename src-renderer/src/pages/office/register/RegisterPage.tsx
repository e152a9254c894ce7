import { Button, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { useCallback, useState } from 'react'
import { call, openOutput } from '../../../api'
import { notifyError, notifySuccess } from '../../../app/notify'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useLoader } from '../../../components/useLoader'
import { pageStyle } from '../../sites/listParts'
import { RegisterDrawer } from './RegisterDrawer'
import { RegisterTable } from './RegisterTable'
import { useRegisterView } from './useRegisterView'

/** 全国名册: every province's latest bundle, filtered as the clerk types, each site opened in a drawer. */
export function RegisterPage() {
  const load = useCallback(async () => (await call('office.register.list', {})).sites, [])
  const { data, loading, error, reload } = useLoader(load)
  const rows = data ?? EMPTY
  const view = useRegisterView(rows)
  const [openId, setOpenId] = useState<number | null>(null)
  const provinces = [...new Set(rows.map((r) => r.province))].sort((a, b) => a.localeCompare(b, 'zh-CN'))

  return (
    <Stack gap="sm" style={pageStyle}>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>全国名册</Title>
        <ExportRegisterButton disabled={rows.length === 0} />
      </Group>
      {error !== null && <ErrorAlert title="无法读取全国名册" error={error} onRetry={() => void reload()} />}
      <Group gap="sm" align="flex-end">
        <TextInput
          label="筛选"
          placeholder="输入现场名称、编号、地址、推荐单位…"
          value={view.query}
          onChange={(e) => view.setQuery(e.currentTarget.value)}
          w={340}
          data-testid="register-filter"
        />
        <Select label="省份" placeholder="全部省份" data={provinces} value={view.province} onChange={view.setProvince} clearable searchable w={180} />
        <Text size="sm" c="dimmed" data-testid="register-count" style={{ opacity: view.stale ? 0.6 : 1 }}>
          {loading && !data ? '正在读取…' : `共 ${view.visible.length} 个现场${view.visible.length !== rows.length ? `（全部 ${rows.length} 个）` : ''}`}
        </Text>
        {loading && !data && <Loader size="xs" aria-label="正在读取" />}
      </Group>
      <RegisterTable
        rows={view.visible}
        onOpen={(r) => setOpenId(r.id)}
        emptyText={rows.length === 0 ? '全国名册还是空的：在“报送包”中接收各省的报送包后，现场会列在这里' : '没有符合条件的现场'}
      />
      <RegisterDrawer siteId={openId} onClose={() => setOpenId(null)} />
    </Stack>
  )
}

const EMPTY: never[] = []

function ExportRegisterButton({ disabled }: { disabled: boolean }) {
  const [busy, setBusy] = useState(false)
  const exportAll = async () => {
    setBusy(true)
    try {
      const out = await call('office.register.export', {})
      await openOutput(out.path, out.path.split(/[\\/]/).pop())
      notifySuccess(`已导出 ${out.sites} 个现场`, '导出完成')
    } catch (e) {
      notifyError(e, '导出未完成')
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button variant="default" onClick={() => void exportAll()} loading={busy} disabled={disabled}>
      导出全国名册
    </Button>
  )
}
