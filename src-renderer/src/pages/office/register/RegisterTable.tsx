import { Text } from '@mantine/core'
import { memo, useRef, type CSSProperties } from 'react'
import classes from '../../sites/SitesTable.module.css'
import { useFixedRows } from '../../sites/useFixedRows'
import { starLabel } from '../common/format'
import { typeLabel, type RegisterRow } from './registerView'

const ROW_HEIGHT = 40

const COLUMNS: { header: string; width: string; cell(row: RegisterRow): string }[] = [
  { header: '省份', width: '120px', cell: (r) => r.province },
  { header: '现场编号', width: '128px', cell: (r) => r.code },
  { header: '现场名称', width: 'minmax(160px, 2fr)', cell: (r) => r.name },
  { header: '类型', width: '84px', cell: (r) => typeLabel(r.type) },
  { header: '所属企业', width: '96px', cell: (r) => r.enterprise },
  { header: '推荐单位', width: 'minmax(140px, 1.5fr)', cell: (r) => r.recommender },
  { header: '所在地市', width: '88px', cell: (r) => r.city },
  { header: '申报星级', width: '84px', cell: (r) => starLabel(r.starLevel) },
]

const style: CSSProperties = { gridTemplateColumns: COLUMNS.map((c) => c.width).join(' ') }

/** The register, virtualised like the province's site list: only the rows in view are in the DOM. */
export const RegisterTable = memo(function RegisterTable({ rows, onOpen, emptyText }: { rows: RegisterRow[]; onOpen(row: RegisterRow): void; emptyText: string }) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const { rows: shown, totalHeight } = useFixedRows(scrollRef, rows.length, ROW_HEIGHT, 12)
  return (
    <div className={classes.table} role="table" aria-label="全国名册" aria-rowcount={rows.length + 1}>
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
        {rows.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {emptyText}
          </Text>
        ) : (
          <div role="rowgroup" style={{ height: totalHeight, position: 'relative' }}>
            {shown.map((item) => {
              const row = rows[item.index]
              if (!row) return null
              return (
                <div
                  key={row.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-testid="register-row"
                  tabIndex={0}
                  className={`${classes.row} ${classes.clickable}`}
                  style={{ ...style, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  onClick={() => onOpen(row)}
                  onKeyDown={(e) => {
                    if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
                      e.preventDefault()
                      onOpen(row)
                    }
                  }}
                >
                  {COLUMNS.map((c) => (
                    <div key={c.header} className={classes.cell} role="cell">
                      {c.cell(row)}
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
})
