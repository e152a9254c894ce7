import { Loader, Stack, Title } from '@mantine/core'
import { useSettings } from '../../app/SettingsContext'
import { AssociationForm } from './AssociationForm'
import { BackupSection } from './backup/BackupSection'
import { CampaignSettings } from './campaign/CampaignSettings'
import { RoleSection } from './role/RoleSection'
import { SystemInfo } from './SystemInfo'

export function SettingsPage() {
  const { settings, loading, update, reload } = useSettings()
  if (!settings) return loading ? <Loader aria-label="正在读取设置" /> : null
  return (
    <Stack maw={960} gap="md">
      <Title order={2}>设置</Title>
      <AssociationForm key={settings.association?.updatedAt ?? 'new'} settings={settings} onSaved={update} />
      <CampaignSettings campaign={settings.campaign} onChanged={reload} />
      <BackupSection />
      <RoleSection />
      <SystemInfo settings={settings} />
    </Stack>
  )
}
