import { Checkbox, Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import { SITE_STATUS_LABELS, SITE_TYPE_INFO } from '@contract'
import classes from './SiteSelectTable.module.css'
import type { EligibleSite } from './useEligibleSites'

interface SiteSelectTableProps {
  rows: EligibleSite[]
  selected: ReadonlySet<number>
  disabled: boolean
  onToggle(siteId: number): void
  onToggleAll(all: boolean): void
}

/** The sites with a checkbox each, virtualised; a blocked site shows why right in its row. */
export function SiteSelectTable({ rows, selected, disabled, onToggle, onToggleAll }: SiteSelectTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => 38 + 18 * (rows[i]?.reasons.length ?? 0),
    overscan: 12,
    getItemKey: (i) => rows[i]?.site.id ?? i,
  })
  const all = rows.length > 0 && rows.every((r) => selected.has(r.site.id))
  const some = !all && rows.some((r) => selected.has(r.site.id))

  return (
    <div ref={scrollRef} className={classes.scroll} role="table" aria-label="可出具推荐函的现场">
      <div className={`${classes.row} ${classes.head}`} role="row">
        <Checkbox
          aria-label="全选"
          checked={all}
          indeterminate={some}
          disabled={disabled || rows.length === 0}
          onChange={() => onToggleAll(!all)}
        />
        <span role="columnheader">现场编号</span>
        <span role="columnheader">现场名称</span>
        <span role="columnheader">类型</span>
        <span role="columnheader">状态</span>
        <span role="columnheader">能否出具推荐函</span>
      </div>
      {rows.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg" size="sm">
          本年度还没有可推荐的现场。
        </Text>
      ) : (
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const { site, reasons } = rows[item.index]
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-testid="letter-site-row"
                className={classes.row}
                role="row"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                <Checkbox
                  aria-label={`选择 ${site.name}`}
                  checked={selected.has(site.id)}
                  disabled={disabled}
                  onChange={() => onToggle(site.id)}
                />
                <span role="cell">{site.code}</span>
                <span role="cell">{site.name}</span>
                <span role="cell">{SITE_TYPE_INFO[site.type].label}</span>
                <span role="cell">{SITE_STATUS_LABELS[site.status]}</span>
                <span role="cell">
                  {reasons.length === 0 ? (
                    <span className={classes.ok}>可出具</span>
                  ) : (
                    <>
                      <Text span c="red.7" size="sm" fw={500}>
                        有 {reasons.length} 项错误未解决，将跳过
                      </Text>
                      <ul className={classes.reasons}>
                        {reasons.map((r) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </span>
              </div>
            )
          })}
        </div>
      )}
    </div>
  )
}
