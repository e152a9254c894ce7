import { Center, Stack, Text, Title } from '@mantine/core'

/** A page of the rail that is not built yet. */
export function ComingSoon({ title }: { title: string }) {
  return (
    <Center mih={320}>
      <Stack align="center" gap="xs">
        <Title order={3}>{title}</Title>
        <Text c="dimmed">此功能即将推出，敬请期待。</Text>
      </Stack>
    </Center>
  )
}
