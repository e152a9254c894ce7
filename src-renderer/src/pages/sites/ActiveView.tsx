import { Button, Group, Stack, Title } from '@mantine/core'
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Site } from '@contract'
import { call } from '../../api'
import { markFirstScreen } from '../../app/firstScreen'
import { notifyError } from '../../app/notify'
import { useSettings } from '../../app/SettingsContext'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ExportButton } from './ExportButton'
import { Counter, emptyText, pageStyle, selectedIds } from './listParts'
import { SitesTable } from './SitesTable'
import { useOpenFromRoute } from './useOpenFromRoute'
import { SiteToolbar } from './SiteToolbar'
import type { ListedSite } from './siteView'
import { useSiteList } from './useSiteList'
import { useSelection, useSiteView } from './useSiteView'

const DEFAULT_STAR_LEVELS = [1, 2, 3, 4, 5]

type DrawerState = { open: false; used: boolean } | { open: true; used: true; site: Site | null; atFindings?: boolean }

// The drawer (form, attachments, certificates, history) is fetched on first open, not with the list.
const SiteDrawer = lazy(async () => ({ default: (await import('./drawer/SiteDrawer')).SiteDrawer }))
// Likewise the bulk actions, shown once rows are ticked.
const BulkBar = lazy(async () => ({ default: (await import('./BulkBar')).BulkBar }))

export function ActiveView({ onTrash }: { onTrash(): void }) {
  const { settings } = useSettings()
  const list = useSiteList(false)
  const view = useSiteView(list.sites)
  const selection = useSelection(view.visible)
  const [drawer, setDrawer] = useState<DrawerState>({ open: false, used: false })
  const starLevels = settings?.campaign?.config.starLevels ?? DEFAULT_STAR_LEVELS
  // Without an association the core refuses to list sites; the shell's banner already says what to do.
  const unconfigured = settings !== null && settings.association === null
  const show = useCallback((site: Site, atFindings = false) => setDrawer({ open: true, used: true, site, atFindings }), [])
  // A row holds the table's columns only; the drawer edits the whole record, read when the site is opened.
  // Only the last click counts when answers cross.
  const opening = useRef(0)
  const openRow = useCallback(
    async (row: ListedSite, atFindings: boolean) => {
      const ticket = ++opening.current
      try {
        const site = await call('sites.get', { id: row.id })
        if (ticket === opening.current) show(site, atFindings)
      } catch (e) {
        notifyError(e, '无法打开该现场')
      }
    },
    [show],
  )
  const open = useCallback((row: ListedSite) => void openRow(row, false), [openRow])
  const openAtFindings = useCallback((row: ListedSite) => void openRow(row, true), [openRow])
  const close = useCallback(() => setDrawer({ open: false, used: true }), [])
  useOpenFromRoute(show)
  // The registry's first screen is its list (or the reason it has none), not the empty frame before it.
  useEffect(() => {
    if (!list.loading) markFirstScreen()
  }, [list.loading])
  const ids = useMemo(() => selectedIds(list.sites, selection.selected), [list.sites, selection.selected])

  const removed = (gone: number[]) => {
    list.drop(gone)
    selection.forget(gone)
  }

  return (
    <Stack gap="sm" style={pageStyle}>
      <Group justify="space-between">
        <Title order={2}>推荐现场</Title>
        <Group gap="sm">
          <ExportButton />
          <Button variant="default" onClick={onTrash} aria-pressed={false}>
            回收站
          </Button>
          <Button onClick={() => setDrawer({ open: true, used: true, site: null })}>新建现场</Button>
        </Group>
      </Group>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <SiteToolbar sites={list.sites} query={view.query} onQuery={view.setQuery} filters={view.filters} onFilters={view.setFilters} />
        <Counter shown={view.visible.length} total={list.sites.length} loading={list.loading} />
      </Group>
      {ids.length > 0 && (
        <Suspense fallback={null}>
          <BulkBar ids={ids} onClear={selection.clear} onStatus={list.setStatus} onRemoved={removed} />
        </Suspense>
      )}
      {list.error !== null && !unconfigured && (
        <ErrorAlert title="无法读取现场列表" error={list.error} onRetry={() => void list.reload()} />
      )}
      <div style={{ display: 'flex', flex: 1, minHeight: 0, opacity: view.stale ? 0.7 : 1 }}>
        <SitesTable
          sites={view.visible}
          selection={selection}
          sort={view.sort}
          onOpen={open}
          onFindings={openAtFindings}
          emptyText={
            unconfigured
              ? '请先在“设置”中填写协会信息，再登记现场。'
              : emptyText(list, '还没有现场。点击“新建现场”登记，或从“导入”页导入推荐汇总表。')
          }
        />
      </div>
      {drawer.used && (
        <Suspense fallback={null}>
          <SiteDrawer
            opened={drawer.open}
            site={drawer.open ? drawer.site : null}
            atFindings={drawer.open && drawer.atFindings === true}
            starLevels={starLevels}
            onClose={close}
            onSaved={(site) => {
              list.upsert(site)
              close()
            }}
            onRemoved={(id) => {
              removed([id])
              close()
            }}
          />
        </Suspense>
      )}
    </Stack>
  )
}
