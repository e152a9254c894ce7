import { SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useSettings } from '../../app/SettingsContext'
import { CampaignDeadlines } from './CampaignDeadlines'
import { FindingOverview } from './FindingOverview'
import { LatestBundle } from './LatestBundle'
import { QuickActions } from './QuickActions'
import { SiteBreakdown } from './SiteBreakdown'
import { SiteCounts } from './SiteCounts'

/** 总览: the year at a glance — deadlines, open findings, sites by type, status, operator and city, the last bundle. */
export function DashboardPage() {
  const { settings } = useSettings()
  const campaign = settings?.campaign ?? null
  const ready = settings?.association != null
  return (
    <Stack gap="md" maw={1200}>
      <Title order={2}>总览</Title>
      {!ready ? (
        <Text c="dimmed">请先在“设置”中填写协会信息。</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {campaign && <CampaignDeadlines campaign={campaign} />}
          <FindingOverview />
          <SiteCounts />
          <SiteBreakdown />
          <LatestBundle />
          <QuickActions />
        </SimpleGrid>
      )}
    </Stack>
  )
}
