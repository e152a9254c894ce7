import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { call } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Counter, emptyText, pageStyle, selectedIds } from './listParts'
import { SitesTable } from './SitesTable'
import { SiteToolbar } from './SiteToolbar'
import type { ListedSite } from './siteView'
import { useSiteList } from './useSiteList'
import { useSelection, useSiteView } from './useSiteView'

export function TrashView({ onBack }: { onBack(): void }) {
  const list = useSiteList(true)
  const view = useSiteView(list.sites)
  const selection = useSelection(view.visible)
  const [restoring, setRestoring] = useState<number[] | null>(null)
  const ids = useMemo(() => selectedIds(list.sites, selection.selected), [list.sites, selection.selected])

  const restore = async (targets: ListedSite[]) => {
    const restoreIds = targets.map((s) => s.id)
    setRestoring(restoreIds)
    try {
      const { count } = await call('sites.restore', { ids: restoreIds })
      list.drop(restoreIds)
      selection.forget(restoreIds)
      notifySuccess(targets.length === 1 ? `现场“${targets[0].name}”已恢复` : `已恢复 ${count} 个现场`)
    } catch (e) {
      notifyError(e, '现场未恢复')
    } finally {
      setRestoring(null)
    }
  }

  return (
    <Stack gap="sm" style={pageStyle}>
      <Group justify="space-between">
        <Title order={2}>推荐现场 · 回收站</Title>
        <Group gap="sm">
          <Button variant="filled" color="gray" onClick={onBack} aria-pressed>
            回收站
          </Button>
          <Button variant="default" onClick={onBack}>
            返回现场列表
          </Button>
        </Group>
      </Group>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <SiteToolbar sites={list.sites} query={view.query} onQuery={view.setQuery} filters={view.filters} onFilters={view.setFilters} />
        <Counter shown={view.visible.length} total={list.sites.length} loading={list.loading} />
      </Group>
      <Text size="sm" c="dimmed">
        已删除的现场保留在回收站中，点击“恢复”可放回现场列表。
      </Text>
      {ids.length > 0 && (
        <Paper withBorder px="sm" py={6} bg="var(--mantine-color-blue-light)" role="region" aria-label="批量操作">
          <Group justify="space-between">
            <Group gap="sm">
              <Text size="sm" fw={600}>
                已选择 {ids.length} 个现场
              </Text>
              <Button size="compact-sm" variant="subtle" onClick={selection.clear}>
                取消选择
              </Button>
            </Group>
            <Button
              size="xs"
              loading={restoring !== null && restoring.length > 1}
              onClick={() => void restore(list.sites.filter((s) => selection.selected.has(s.id)))}
            >
              恢复选中的现场
            </Button>
          </Group>
        </Paper>
      )}
      {list.error !== null && <ErrorAlert title="无法读取回收站" error={list.error} onRetry={() => void list.reload()} />}
      <div style={{ display: 'flex', flex: 1, minHeight: 0, opacity: view.stale ? 0.7 : 1 }}>
        <SitesTable
          sites={view.visible}
          selection={selection}
          sort={view.sort}
          emptyText={emptyText(list, '回收站是空的')}
          action={{
            header: '操作',
            render: (site) => (
              <Button
                size="compact-sm"
                variant="light"
                loading={restoring?.length === 1 && restoring[0] === site.id}
                disabled={restoring !== null}
                onClick={() => void restore([site])}
              >
                恢复
              </Button>
            ),
          }}
        />
      </div>
    </Stack>
  )
}
