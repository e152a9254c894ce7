import { Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, type CSSProperties } from 'react'
// The same grid look as the site list.
import classes from '../sites/SitesTable.module.css'
import type { TrainingRecord } from './types'

const ROW_HEIGHT = 38

const COLUMNS: { header: string; width: string; cell(r: TrainingRecord): string }[] = [
  { header: '姓名', width: '120px', cell: (r) => r.trainee },
  { header: '工作单位', width: 'minmax(200px, 2fr)', cell: (r) => r.workUnit },
  { header: '证书编号', width: 'minmax(140px, 1fr)', cell: (r) => r.certificateNo },
  { header: '培训班', width: '180px', cell: (r) => r.classLabel },
  { header: '发证日期', width: '110px', cell: (r) => r.issuedOn ?? '' },
]

const style: CSSProperties = { gridTemplateColumns: COLUMNS.map((c) => c.width).join(' ') }

/** The roster, virtualised: a national list of thousands of certificates scrolls without delay. */
export function TrainingTable({ records, emptyText, onOpen }: { records: TrainingRecord[]; emptyText: string; onOpen(r: TrainingRecord): void }) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: records.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => records[i]?.id ?? i,
  })
  return (
    <div className={classes.table} role="table" aria-label="培训记录" aria-rowcount={records.length + 1}>
      <div className={classes.header} role="rowgroup">
        <div className={classes.row} role="row" style={style}>
          {COLUMNS.map((c) => (
            <div key={c.header} className={classes.cell} role="columnheader">
              {c.header}
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} className={classes.scroll}>
        {records.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {emptyText}
          </Text>
        ) : (
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const r = records[item.index]
              if (!r) return null
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-testid="training-row"
                  tabIndex={0}
                  className={`${classes.row} ${classes.clickable}`}
                  style={{ ...style, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  onClick={() => onOpen(r)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault()
                      onOpen(r)
                    }
                  }}
                >
                  {COLUMNS.map((c) => (
                    <div key={c.header} className={classes.cell} role="cell">
                      {c.cell(r)}
                    </div>
                  ))}
                </div>
              )
            })}
          </div>
        )}
      </div>
    </div>
  )
}
