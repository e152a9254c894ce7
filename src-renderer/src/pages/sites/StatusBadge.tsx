import { Badge } from '@mantine/core'
import type { CSSProperties } from 'react'
import { SITE_STATUS_LABELS, type Site } from '@contract'
import classes from './SitesTable.module.css'

const COLORS: Record<Site['status'], string> = {
  draft: 'gray',
  pending: 'yellow',
  approved: 'teal',
  recommended: 'blue',
  deferred: 'orange',
  submitted: 'indigo',
  rated: 'green',
  rejected: 'red',
}

export function StatusBadge({ status }: { status: Site['status'] }) {
  return (
    <Badge color={COLORS[status]} variant="light" radius="sm">
      {SITE_STATUS_LABELS[status]}
    </Badge>
  )
}

/** The same label as a plain span, cheap enough for thousands of table rows. */
export function StatusTag({ status }: { status: Site['status'] }) {
  return (
    <span className={classes.tag} style={{ '--tag-color': `var(--mantine-color-${COLORS[status]}-light-color)`, '--tag-bg': `var(--mantine-color-${COLORS[status]}-light)` } as CSSProperties}>
      {SITE_STATUS_LABELS[status]}
    </span>
  )
}
