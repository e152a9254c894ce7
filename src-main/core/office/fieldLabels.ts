/** Chinese labels of the fields a register site carries (roster columns, site fields, its files), for people. */
import { ROSTER_COLUMNS } from '../roster/columns'
import { SITE_FIELD_LABELS } from '../sites/fields'

const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.field, c.header])),
  ...SITE_FIELD_LABELS,
  files: '附件',
}

/** A field's label; a field we have no label for (from a newer province version) shows its key. */
export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field
