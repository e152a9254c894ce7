import { Badge, Drawer, Group, Tabs, Text } from '@mantine/core'
import { useState } from 'react'
import type { Site } from '@contract'
import { StatusBadge } from '../StatusBadge'
import { AttachmentsTab } from './AttachmentsTab'
import { CertificatesTab } from './CertificatesTab'
import { HistoryTab } from './HistoryTab'
import { SiteEditor } from './SiteEditor'
import { SiteFindings } from './SiteFindings'

interface SiteDrawerProps {
  opened: boolean
  /** The site being edited; null for a new one. */
  site: Site | null
  /** Opened from the list's 审核 counts: show the findings with the first one picked out. */
  atFindings?: boolean
  starLevels: number[]
  onClose(): void
  onSaved(site: Site, created: boolean): void
  onRemoved(id: number): void
}

export function SiteDrawer({ opened, site, atFindings, starLevels, onClose, onSaved, onRemoved }: SiteDrawerProps) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={760}
      data-testid="site-drawer"
      title={
        <Group gap="sm">
          <Text fw={600} size="lg">
            {site ? site.name || '编辑现场' : '新建现场'}
          </Text>
          {site && (
            <>
              <Badge variant="outline" radius="sm">
                {site.code}
              </Badge>
              <StatusBadge status={site.status} />
            </>
          )}
        </Group>
      }
    >
      {opened && (
        <SiteTabs key={site?.id ?? 'new'} site={site} atFindings={atFindings} starLevels={starLevels} onSaved={onSaved} onRemoved={onRemoved} />
      )}
    </Drawer>
  )
}

type TabKey = 'basic' | 'attachments' | 'certificates' | 'history'

/**
 * The site's four faces. Hidden tabs keep their state (an unsaved form survives a look at the attachments)
 * but not their effects, so each tab reads fresh data whenever it is shown.
 */
function SiteTabs({ site, atFindings, starLevels, onSaved, onRemoved }: Omit<SiteDrawerProps, 'opened' | 'onClose'>) {
  const [tab, setTab] = useState<TabKey>('basic')
  return (
    <Tabs value={tab} onChange={(v) => setTab((v as TabKey | null) ?? 'basic')} keepMountedMode="activity">
      <Tabs.List mb="md">
        <Tabs.Tab value="basic">基本信息</Tabs.Tab>
        <Tabs.Tab value="attachments" disabled={!site}>
          附件
        </Tabs.Tab>
        <Tabs.Tab value="certificates" disabled={!site}>
          培训证书
        </Tabs.Tab>
        <Tabs.Tab value="history" disabled={!site}>
          操作记录
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="basic">
        {site && <SiteFindings siteId={site.id} version={site.updatedAt} pickFirst={atFindings} />}
        <SiteEditor site={site} starLevels={starLevels} onSaved={onSaved} onRemoved={onRemoved} />
      </Tabs.Panel>
      {site && (
        <>
          <Tabs.Panel value="attachments">
            <AttachmentsTab site={site} />
          </Tabs.Panel>
          <Tabs.Panel value="certificates">
            <CertificatesTab site={site} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <HistoryTab siteId={site.id} />
          </Tabs.Panel>
        </>
      )}
      {!site && (
        <Text size="xs" c="dimmed" mt="sm">
          保存新现场后即可添加附件、核对培训证书。
        </Text>
      )}
    </Tabs>
  )
}
