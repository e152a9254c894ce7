import { Stack, Title } from '@mantine/core'
import { RoleSection } from '../../settings/role/RoleSection'
import { OfficeProfileForm } from './OfficeProfileForm'
import { OfficeSystemInfo } from './OfficeSystemInfo'

/** The office's 设置: its name, year and deadline, the role, where its data lives. */
export function OfficeSettingsPage() {
  return (
    <Stack maw={960} gap="md">
      <Title order={2}>设置</Title>
      <OfficeProfileForm />
      <RoleSection />
      <OfficeSystemInfo />
    </Stack>
  )
}
