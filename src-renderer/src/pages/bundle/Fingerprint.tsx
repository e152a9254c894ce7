import { Group, Text } from '@mantine/core'
import { fingerprintGroups } from './format'

/** A key fingerprint to compare by eye: monospace, in two lines of four groups. */
export function Fingerprint({ value, size = 'lg', testId }: { value: string; size?: 'sm' | 'md' | 'lg'; testId?: string }) {
  const groups = fingerprintGroups(value)
  const lines = [groups.slice(0, 4), groups.slice(4)].filter((l) => l.length)
  return (
    <div data-testid={testId} aria-label={`公钥指纹 ${groups.join(' ')}`} data-fingerprint={groups.join(' ')}>
      {lines.map((line, i) => (
        <Group key={i} gap="md" wrap="nowrap">
          {line.map((g, j) => (
            <Text key={j} ff="monospace" fw={600} size={size} style={{ letterSpacing: '0.08em' }}>
              {g}
            </Text>
          ))}
        </Group>
      ))}
    </div>
  )
}
