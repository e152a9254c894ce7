import { Badge, Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, type CSSProperties } from 'react'
import { describeProblem, problemsByColumn, type PreviewRow, type TableColumn } from './problems'
import classes from './PreviewTable.module.css'

const ROW_HEIGHT = 34
const FIXED = [{ key: 'row', header: '行号', width: 64 }, { key: 'status', header: '状态', width: 84 }]
const WIDTHS: Record<string, number> = { name: 200, recommender: 200, address: 220, uscc: 190, highlights: 200, remarks: 160, email: 180 }

const STATUS: Record<PreviewRow['status'], { label: string; color: string }> = {
  new: { label: '新增', color: 'green' },
  update: { label: '更新', color: 'blue' },
  error: { label: '有错误', color: 'red' },
}

interface Props {
  rows: PreviewRow[]
  columns: TableColumn[]
  /** The cell to bring into view and outline (picked in the problem list). */
  focus: { row: number; column: string } | null
}

/** The roster as read, virtualised; a bad cell is red (error) or amber (warning) and says why on hover. */
export function PreviewTable({ rows, columns, focus }: Props) {
  const focusRow = focus?.row ?? null
  const scrollRef = useRef<HTMLDivElement>(null)
  const widths = useMemo(() => [...FIXED.map((f) => f.width), ...columns.map((c) => WIDTHS[c.field] ?? 120)], [columns])
  const total = widths.reduce((a, b) => a + b, 0)
  const grid: CSSProperties = { gridTemplateColumns: widths.map((w) => `${w}px`).join(' '), width: total }
  const problems = useMemo(() => rows.map(problemsByColumn), [rows])
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => rows[i]?.row ?? i,
  })

  useEffect(() => {
    if (!focus) return
    const index = rows.findIndex((r) => r.row === focus.row)
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' })
    const col = columns.findIndex((c) => c.letter === focus.column)
    const el = scrollRef.current
    if (el && col >= 0) {
      // Left edge of the column, clear of the sticky 行号 column and with a neighbour for context.
      const left = widths.slice(0, FIXED.length + col).reduce((a, b) => a + b, 0)
      el.scrollLeft = Math.max(0, left - FIXED[0].width - 120)
    }
    // The virtualizer is one instance for the table's life and widths change only with columns, so this runs
    // when another cell is picked or another roster is shown.
  }, [focus, rows, columns, widths, virtualizer])

  // Short rosters get a short table; long ones scroll inside 420px.
  const height = Math.max(140, Math.min(420, (rows.length + 1) * ROW_HEIGHT + 24))
  return (
    <div
      ref={scrollRef}
      className={classes.scroll}
      style={{ height }}
      role="table"
      aria-label="汇总表预览"
      aria-rowcount={rows.length + 1}
    >
      <div className={`${classes.row} ${classes.header}`} role="row" style={grid}>
        {FIXED.map((f) => (
          <div key={f.key} role="columnheader" className={`${classes.cell} ${f.key === 'row' ? classes.sticky : ''}`}>
            {f.header}
          </div>
        ))}
        {columns.map((c) => (
          <div key={c.field} role="columnheader" className={classes.cell} title={`${c.letter} 列：${c.label}`}>
            <span className={classes.letter}>{c.letter}</span>
            <span>{c.label}</span>
          </div>
        ))}
      </div>
      {rows.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          没有要显示的行
        </Text>
      ) : (
        <div className={classes.body} role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative', width: total }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]
            const byColumn = problems[item.index]
            if (!row || !byColumn) return null
            // Problems of a column the file does not have belong to the row itself.
            const rowLevel = byColumn.get('') ?? []
            const status = STATUS[row.status]
            return (
              <div
                key={item.key}
                role="row"
                data-testid="preview-row"
                data-row={row.row}
                data-status={row.status}
                className={`${classes.row} ${focusRow === row.row ? classes.focused : ''}`}
                style={{ ...grid, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <div
                  role="cell"
                  className={`${classes.cell} ${classes.sticky}`}
                  data-severity={rowLevel[0]?.kind}
                  title={rowLevel.map(describeProblem).join('\n') || undefined}
                >
                  {row.row}
                </div>
                <div role="cell" className={classes.cell}>
                  <Badge size="sm" variant="light" color={status.color}>
                    {status.label}
                  </Badge>
                </div>
                {columns.map((c) => {
                  const cellProblems = byColumn.get(c.letter)
                  const value = row.values[c.field] ?? ''
                  return (
                    <div
                      key={c.field}
                      role="cell"
                      className={classes.cell}
                      data-cell={cellProblems ? `${row.row}:${c.letter}` : undefined}
                      data-severity={cellProblems?.[0]?.kind}
                      title={cellProblems ? cellProblems.map(describeProblem).join('\n') : value || undefined}
                    >
                      <span>{value || (cellProblems ? '（空）' : '')}</span>
                    </div>
                  )
                })}
              </div>
            )
          })}
        </div>
      )}
    </div>
  )
}
