import { ActionIcon, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import type { CampaignConfig, Problems } from './campaignForm'

type Office = CampaignConfig['nationalOffice']

/** 推进办公室: where the bundle goes and whom to call. */
export function OfficeFields({ office, problems, onChange }: { office: Office; problems: Problems; onChange(o: Office): void }) {
  const contacts = office.contacts
  const setContact = (i: number, patch: Partial<Office['contacts'][number]>) =>
    onChange({ ...office, contacts: contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)) })
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="推进办公室名称"
          withAsterisk
          value={office.name}
          onChange={(e) => onChange({ ...office, name: e.currentTarget.value })}
          error={problems['nationalOffice.name']}
          style={{ gridColumn: '1 / -1' }}
        />
        <TextInput
          label="地址"
          value={office.address}
          onChange={(e) => onChange({ ...office, address: e.currentTarget.value })}
          error={problems['nationalOffice.address']}
        />
        <TextInput
          label="电子邮箱"
          value={office.email}
          onChange={(e) => onChange({ ...office, email: e.currentTarget.value })}
          error={problems['nationalOffice.email']}
        />
      </SimpleGrid>
      <Text size="sm" fw={500}>
        联系人
      </Text>
      {contacts.map((c, i) => (
        <Group key={i} gap="sm" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={`联系人 ${i + 1} 姓名`}
            placeholder="姓名"
            value={c.name}
            onChange={(e) => setContact(i, { name: e.currentTarget.value })}
            error={problems[`nationalOffice.contacts.${i}.name`]}
            w={160}
          />
          <TextInput
            aria-label={`联系人 ${i + 1} 电话`}
            placeholder="电话"
            value={c.phone}
            onChange={(e) => setContact(i, { phone: e.currentTarget.value })}
            error={problems[`nationalOffice.contacts.${i}.phone`]}
            w={200}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`删除联系人 ${c.name || i + 1}`}
            onClick={() => onChange({ ...office, contacts: contacts.filter((_, j) => j !== i) })}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <div>
        <Button
          size="xs"
          variant="light"
          disabled={contacts.length >= 10}
          onClick={() => onChange({ ...office, contacts: [...contacts, { name: '', phone: '' }] })}
        >
          添加联系人
        </Button>
      </div>
    </Stack>
  )
}
