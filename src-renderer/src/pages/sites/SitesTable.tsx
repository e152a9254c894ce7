import { Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, type CSSProperties, type ReactNode } from 'react'
import { SITE_TYPE_INFO, STAR_LABELS, type Site } from '../../../../src-main/api/contract'
import classes from './SitesTable.module.css'
import { StatusTag } from './StatusBadge'

const ROW_HEIGHT = 40

interface Column {
  header: string
  width: string
  cell(site: Site): ReactNode
}

const COLUMNS: Column[] = [
  { header: '现场编号', width: '128px', cell: (s) => s.code },
  { header: '现场名称', width: 'minmax(160px, 2fr)', cell: (s) => s.name },
  { header: '类型', width: '84px', cell: (s) => SITE_TYPE_INFO[s.type].label },
  { header: '所属企业', width: '96px', cell: (s) => s.enterprise },
  { header: '推荐单位', width: 'minmax(140px, 1.5fr)', cell: (s) => s.recommender },
  { header: '所在地市', width: '88px', cell: (s) => s.city },
  { header: '申报星级', width: '84px', cell: (s) => STAR_LABELS[s.starLevel] || `${s.starLevel}星级` },
  { header: '状态', width: '92px', cell: (s) => <StatusTag status={s.status} /> },
]

const gridStyle: CSSProperties = { gridTemplateColumns: COLUMNS.map((c) => c.width).join(' ') }

interface SitesTableProps {
  sites: Site[]
  /** Extra last column (e.g. 恢复 in 回收站). */
  action?: { header: string; render(site: Site): ReactNode }
  onOpen?(site: Site): void
  emptyText: string
}

/**
 * The site list, virtualised: only the rows in view (plus a few) are in the DOM, all of one fixed height,
 * so ten thousand sites scroll as smoothly as ten.
 */
export function SitesTable({ sites, action, onOpen, emptyText }: SitesTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: sites.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => sites[index]?.id ?? index,
  })
  const style = action ? { gridTemplateColumns: `${gridStyle.gridTemplateColumns} 88px` } : gridStyle

  return (
    <div className={classes.table} role="table" aria-label="现场列表" aria-rowcount={sites.length + 1}>
      <div className={classes.header} role="rowgroup">
        <div className={classes.row} role="row" style={style}>
          {COLUMNS.map((c) => (
            <div key={c.header} className={classes.cell} role="columnheader">
              {c.header}
            </div>
          ))}
          {action && (
            <div className={classes.cell} role="columnheader">
              {action.header}
            </div>
          )}
        </div>
      </div>
      <div ref={scrollRef} className={classes.scroll}>
        {sites.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {emptyText}
          </Text>
        ) : (
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const site = sites[item.index]
              if (!site) return null
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-testid="site-row"
                  tabIndex={onOpen ? 0 : undefined}
                  className={onOpen ? `${classes.row} ${classes.clickable}` : classes.row}
                  style={{ ...style, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  onClick={onOpen ? () => onOpen(site) : undefined}
                  onKeyDown={
                    onOpen
                      ? (e) => {
                          if (e.key === 'Enter' || e.key === ' ') {
                            e.preventDefault()
                            onOpen(site)
                          }
                        }
                      : undefined
                  }
                >
                  {COLUMNS.map((c) => (
                    <div key={c.header} className={classes.cell} role="cell">
                      {c.cell(site)}
                    </div>
                  ))}
                  {action && (
                    <div className={classes.cell} role="cell">
                      {action.render(site)}
                    </div>
                  )}
                </div>
              )
            })}
          </div>
        )}
      </div>
    </div>
  )
}
