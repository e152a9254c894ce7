import { Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core'
import { useDeferredValue, useMemo, useState } from 'react'
import type { Site } from '../../../../src-main/api/contract'
import { call } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'
import { useSettings } from '../../app/SettingsContext'
import { ErrorAlert } from '../../components/ErrorAlert'
import { indexSites, searchSites } from './searchSites'
import { SiteDrawer } from './SiteDrawer'
import { SitesTable } from './SitesTable'
import { useSiteList } from './useSiteList'

const DEFAULT_STAR_LEVELS = [1, 2, 3, 4, 5]

type DrawerState = { open: false } | { open: true; site: Site | null }

export function SitesPage() {
  const [trash, setTrash] = useState(false)
  return trash ? <TrashView onBack={() => setTrash(false)} /> : <ActiveView onTrash={() => setTrash(true)} />
}

function useFilter(sites: Site[]) {
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query)
  const index = useMemo(() => indexSites(sites), [sites])
  const visible = useMemo(() => searchSites(index, deferredQuery), [index, deferredQuery])
  return { query, setQuery, visible, stale: query !== deferredQuery }
}

function SearchBox({ value, onChange }: { value: string; onChange(value: string): void }) {
  return (
    <TextInput
      aria-label="搜索现场"
      placeholder="搜索现场名称、编号、地址、推荐单位…"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={340}
    />
  )
}

function Counter({ shown, total, loading }: { shown: number; total: number; loading: boolean }) {
  if (loading) return <Loader size="xs" aria-label="正在读取" />
  return (
    <Text size="sm" c="dimmed">
      {shown === total ? `共 ${total} 个现场` : `显示 ${shown} / 共 ${total} 个现场`}
    </Text>
  )
}

/** What an empty table says: still loading, nothing matches the search, failed to load, or truly empty. */
function emptyText(list: { loading: boolean; error: unknown; sites: Site[] }, none: string, failed = '未能读取现场列表'): string {
  if (list.loading) return '正在读取…'
  if (list.sites.length > 0) return '没有符合搜索条件的现场'
  return list.error !== null ? failed : none
}

const pageStyle = { height: 'calc(100dvh - 56px - 2 * var(--mantine-spacing-md))', minHeight: 360 }

function ActiveView({ onTrash }: { onTrash(): void }) {
  const { settings } = useSettings()
  const list = useSiteList(false)
  const filter = useFilter(list.sites)
  const [drawer, setDrawer] = useState<DrawerState>({ open: false })
  const starLevels = settings?.campaign?.config.starLevels ?? DEFAULT_STAR_LEVELS
  // Without an association the core refuses to list sites; the shell's banner already says what to do.
  const unconfigured = settings !== null && settings.association === null

  return (
    <Stack gap="sm" style={pageStyle}>
      <Group justify="space-between">
        <Title order={2}>推荐现场</Title>
        <Group gap="sm">
          <Button variant="default" onClick={onTrash} aria-pressed={false}>
            回收站
          </Button>
          <Button onClick={() => setDrawer({ open: true, site: null })}>新建现场</Button>
        </Group>
      </Group>
      <Group justify="space-between">
        <SearchBox value={filter.query} onChange={filter.setQuery} />
        <Counter shown={filter.visible.length} total={list.sites.length} loading={list.loading} />
      </Group>
      {list.error !== null && !unconfigured && (
        <ErrorAlert title="无法读取现场列表" error={list.error} onRetry={() => void list.reload()} />
      )}
      <div style={{ display: 'flex', flex: 1, minHeight: 0, opacity: filter.stale ? 0.7 : 1 }}>
        <SitesTable
          sites={filter.visible}
          onOpen={(site) => setDrawer({ open: true, site })}
          emptyText={
            unconfigured
              ? '请先在“设置”中填写协会信息，再登记现场。'
              : emptyText(list, '还没有现场。点击“新建现场”登记，或从“导入”页导入推荐汇总表。')
          }
        />
      </div>
      <SiteDrawer
        opened={drawer.open}
        site={drawer.open ? drawer.site : null}
        starLevels={starLevels}
        onClose={() => setDrawer({ open: false })}
        onSaved={(site) => {
          list.upsert(site)
          setDrawer({ open: false })
        }}
        onRemoved={(id) => {
          list.drop([id])
          setDrawer({ open: false })
        }}
      />
    </Stack>
  )
}

function TrashView({ onBack }: { onBack(): void }) {
  const list = useSiteList(true)
  const filter = useFilter(list.sites)
  const [restoring, setRestoring] = useState<number | null>(null)

  const restore = async (site: Site) => {
    setRestoring(site.id)
    try {
      await call('sites.restore', { ids: [site.id] })
      list.drop([site.id])
      notifySuccess(`现场“${site.name}”已恢复`)
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
      <Group justify="space-between">
        <SearchBox value={filter.query} onChange={filter.setQuery} />
        <Counter shown={filter.visible.length} total={list.sites.length} loading={list.loading} />
      </Group>
      <Text size="sm" c="dimmed">
        已删除的现场保留在回收站中，点击“恢复”可放回现场列表。
      </Text>
      {list.error !== null && <ErrorAlert title="无法读取回收站" error={list.error} onRetry={() => void list.reload()} />}
      <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <SitesTable
          sites={filter.visible}
          emptyText={emptyText(list, '回收站是空的')}
          action={{
            header: '操作',
            render: (site) => (
              <Button size="compact-sm" variant="light" loading={restoring === site.id} onClick={() => void restore(site)}>
                恢复
              </Button>
            ),
          }}
        />
      </div>
    </Stack>
  )
}
