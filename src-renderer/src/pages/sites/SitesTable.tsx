import { Text } from '@mantine/core'
import { memo, useMemo, useRef, type CSSProperties, type ReactNode } from 'react'
import { SITE_TYPE_INFO, starLabel } from '@contract'
import { CheckCounts } from './CheckCounts'
import type { ListedSite, SortKey, SortState } from './siteView'
import classes from './SitesTable.module.css'
import { StatusTag } from './StatusBadge'
import { useFixedRows } from './useFixedRows'

const ROW_HEIGHT = 40
const CHECK_WIDTH = '40px'

interface Column {
  key: SortKey
  header: string
  width: string
  cell(site: ListedSite): ReactNode
}

const COLUMNS: Column[] = [
  { key: 'code', header: '现场编号', width: '128px', cell: (s) => s.code },
  { key: 'name', header: '现场名称', width: 'minmax(160px, 2fr)', cell: (s) => s.name },
  { key: 'type', header: '类型', width: '84px', cell: (s) => SITE_TYPE_INFO[s.type].label },
  { key: 'enterprise', header: '所属企业', width: '96px', cell: (s) => s.enterprise },
  { key: 'recommender', header: '推荐单位', width: 'minmax(140px, 1.5fr)', cell: (s) => s.recommender },
  { key: 'city', header: '所在地市', width: '88px', cell: (s) => s.city },
  { key: 'starLevel', header: '申报星级', width: '84px', cell: (s) => starLabel(s.starLevel) },
  { key: 'status', header: '状态', width: '92px', cell: (s) => <StatusTag status={s.status} /> },
]

export interface TableSelection {
  selected: ReadonlySet<number>
  allState: 'none' | 'some' | 'all'
  toggle(id: number): void
  toggleAll(): void
}

interface SitesTableProps {
  sites: ListedSite[]
  /** Extra last column (e.g. 恢复 in 回收站). */
  action?: { header: string; render(site: ListedSite): ReactNode }
  selection?: TableSelection
  sort?: { state: SortState | null; onSort(key: SortKey): void }
  onOpen?(site: ListedSite): void
  /** Shows the 审核 column; a click on a site's counts opens it at its findings. */
  onFindings?(site: ListedSite): void
  emptyText: string
}

const stop = (e: { stopPropagation(): void }) => e.stopPropagation()

function HeaderCell({ column, sort }: { column: Column; sort: SitesTableProps['sort'] }) {
  if (!sort) {
    return (
      <div className={classes.cell} role="columnheader">
        {column.header}
      </div>
    )
  }
  const dir = sort.state?.key === column.key ? sort.state.dir : null
  return (
    <div
      className={classes.cell}
      role="columnheader"
      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
    >
      <button
        type="button"
        className={classes.sortButton}
        title={dir === 'asc' ? '点击按降序排列' : dir === 'desc' ? '点击取消排序' : '点击按升序排列'}
        onClick={() => sort.onSort(column.key)}
      >
        {column.header}
        <span className={classes.sortMark} aria-hidden>
          {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </div>
  )
}

/**
 * The site list, virtualised: only the rows in view (plus a few) are in the DOM, all of one fixed height,
 * so ten thousand sites scroll as smoothly as ten. Memoised: a keystroke first re-renders the page with the
 * old list (the filtering follows as a deferred render), and the table need not redraw its rows for that.
 */
export const SitesTable = memo(function SitesTable({ sites, action, selection, sort, onOpen, onFindings, emptyText }: SitesTableProps) {
  const columns = useMemo(
    (): Column[] =>
      onFindings
        ? [...COLUMNS, { key: 'checks', header: '审核', width: '116px', cell: (s) => <CheckCounts site={s} onOpen={onFindings} /> }]
        : COLUMNS,
    [onFindings],
  )
  const scrollRef = useRef<HTMLDivElement>(null)
  const { rows, totalHeight } = useFixedRows(scrollRef, sites.length, ROW_HEIGHT, 12)
  const widths = [...(selection ? [CHECK_WIDTH] : []), ...columns.map((c) => c.width), ...(action ? ['96px'] : [])]
  const style: CSSProperties = { gridTemplateColumns: widths.join(' ') }

  return (
    <div className={classes.table} role="table" aria-label="现场列表" aria-rowcount={sites.length + 1}>
      <div className={classes.header} role="rowgroup">
        <div className={classes.row} role="row" style={style}>
          {selection && (
            <div className={classes.cell} role="columnheader">
              {/* Native, like the rows' boxes: Mantine's Checkbox would add ~9 kB to the first screen's script. */}
              <input
                type="checkbox"
                className={classes.rowCheck}
                aria-label="全选当前列出的现场"
                checked={selection.allState === 'all'}
                ref={(box) => {
                  if (box) box.indeterminate = selection.allState === 'some'
                }}
                disabled={sites.length === 0}
                onChange={selection.toggleAll}
              />
            </div>
          )}
          {columns.map((c) => (
            <HeaderCell key={c.key} column={c} sort={sort} />
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
          <div role="rowgroup" style={{ height: totalHeight, position: 'relative' }}>
            {rows.map((item) => {
              const site = sites[item.index]
              if (!site) return null
              const checked = selection?.selected.has(site.id) ?? false
              const rowClass = [classes.row, onOpen ? classes.clickable : '', checked ? classes.checked : ''].join(' ')
              return (
                <div
                  key={site.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={selection ? checked : undefined}
                  data-testid="site-row"
                  tabIndex={onOpen ? 0 : undefined}
                  className={rowClass}
                  style={{ ...style, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  onClick={onOpen ? () => onOpen(site) : undefined}
                  onKeyDown={
                    onOpen
                      ? (e) => {
                          if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
                            e.preventDefault()
                            onOpen(site)
                          }
                        }
                      : undefined
                  }
                >
                  {selection && (
                    <div className={classes.cell} role="cell" onClick={stop}>
                      <input
                        type="checkbox"
                        className={classes.rowCheck}
                        aria-label={`选择 ${site.name}`}
                        checked={checked}
                        onChange={() => selection.toggle(site.id)}
                      />
                    </div>
                  )}
                  {columns.map((c) => (
                    <div key={c.key} className={classes.cell} role="cell">
                      {c.cell(site)}
                    </div>
                  ))}
                  {action && (
                    <div className={classes.cell} role="cell" onClick={stop}>
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
})
