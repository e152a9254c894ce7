import { Badge, Tooltip } from '@mantine/core'
import type { Finding } from '@contract'

/** 错误 red (with why it cannot be waived), 警告 amber, 已豁免 grey. */
export function SeverityBadge({ finding }: { finding: Pick<Finding, 'severity' | 'waived'> }) {
  if (finding.waived)
    return (
      <Badge color="gray" variant="light" radius="sm" w={64}>
        已豁免
      </Badge>
    )
  if (finding.severity === 'warning')
    return (
      <Badge color="yellow.7" variant="filled" radius="sm" w={64}>
        警告
      </Badge>
    )
  return (
    <Tooltip label="错误级问题不能豁免，请修正后重新审核" withArrow>
      <Badge color="red" variant="filled" radius="sm" w={64}>
        错误
      </Badge>
    </Tooltip>
  )
}
