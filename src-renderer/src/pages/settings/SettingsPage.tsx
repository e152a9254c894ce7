import { Loader, Stack, Title } from '@mantine/core'
import { useSettings } from '../../app/SettingsContext'
import { AssociationForm } from './AssociationForm'
import { CampaignCard } from './CampaignCard'
import { SystemInfo } from './SystemInfo'

export function SettingsPage() {
  const { settings, loading, update } = useSettings()
  if (!settings) return loading ? <Loader aria-label="正在读取设置" /> : null
  return (
    <Stack maw={960} gap="md">
      <Title order={2}>设置</Title>
      <AssociationForm key={settings.association?.updatedAt ?? 'new'} settings={settings} onSaved={update} />
      <CampaignCard campaign={settings.campaign} />
      <SystemInfo settings={settings} />
    </Stack>
  )
}
