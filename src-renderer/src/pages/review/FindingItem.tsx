import { Anchor, Button, Group, Text } from '@mantine/core'
import { memo } from 'react'
import { RULE_LABELS, type Finding } from '@contract'
import { findingHref, formatTime } from './findingView'
import { SeverityBadge } from './SeverityBadge'

interface FindingItemProps {
  finding: Finding
  onWaive(finding: Finding): void
  onUnwaive(finding: Finding): void
  busy: boolean
}

/** One finding: its severity, rule, message and site; a click opens the site at the field concerned. */
export const FindingItem = memo(function FindingItem({ finding: x, onWaive, onUnwaive, busy }: FindingItemProps) {
  return (
    <Group
      data-testid="finding-row"
      data-rule={x.rule}
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      px="sm"
      py={8}
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <SeverityBadge finding={x} />
      <Anchor href={findingHref(x)} underline="never" c="inherit" style={{ flex: 1, minWidth: 0 }} title="打开现场并定位到此项">
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600}>
            {RULE_LABELS[x.rule]}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {x.siteCode} {x.siteName}
          </Text>
        </Group>
        <Text size="sm" c={x.waived ? 'dimmed' : undefined}>
          {x.message}
        </Text>
        {x.waived && (
          <Text size="xs" c="dimmed">
            豁免原因：{x.waiverReason}（{x.waivedBy}，{formatTime(x.waivedAt)}）
          </Text>
        )}
      </Anchor>
      {x.severity === 'warning' &&
        (x.waived ? (
          <Button size="compact-sm" variant="subtle" color="gray" disabled={busy} onClick={() => onUnwaive(x)}>
            取消豁免
          </Button>
        ) : (
          <Button size="compact-sm" variant="default" disabled={busy} onClick={() => onWaive(x)}>
            豁免
          </Button>
        ))}
    </Group>
  )
})
