/**
 * The shapes the lite reader yields: the workbook, its sheets, and their rows and cells. They stand apart from
 * the parsing because the callers (sheetTable.ts reads these in place of exceljs's model) need only them.
 */

/** A cell as read: a string, a number, a boolean, a Date, an error marker, or null (no value). */
export type LiteValue = string | number | boolean | Date | { error: string } | null

export interface LiteCell {
  value: LiteValue
  /** For the non-master cells of a merged range: the master's position (the value is the master's). */
  master?: { row: number; col: number }
  /** exceljs counts the cell as a value (what makes a sheet not blank): it has a value or a formula. */
  hasValue: boolean
}

export interface LiteSheet {
  name: string
  hidden: boolean
  /** Last row number present (rows of the file plus rows of merged ranges), like exceljs rowCount. */
  rowCount: number
  /** No cell with a value, like exceljs actualRowCount === 0. */
  blank: boolean
  rows: Map<number, LiteRow>
}

/**
 * One row's cells by column: a read-only map over a sparse array, which is several times cheaper to fill
 * and to look up than a Map (a roster has a hundred thousand cells). Iteration, needed only for the few
 * header rows, goes through a Map built on the spot, in column order.
 */
export class LiteRow implements ReadonlyMap<number, LiteCell> {
  private readonly cells: LiteCell[] = []
  private count = 0

  get size(): number {
    return this.count
  }

  get(col: number): LiteCell | undefined {
    return this.cells[col]
  }

  has(col: number): boolean {
    return this.cells[col] !== undefined
  }

  set(col: number, cell: LiteCell): void {
    if (this.cells[col] === undefined) this.count++
    this.cells[col] = cell
  }

  private asMap(): Map<number, LiteCell> {
    const map = new Map<number, LiteCell>()
    this.cells.forEach((cell, col) => map.set(col, cell))
    return map
  }

  forEach(callback: (cell: LiteCell, col: number, row: ReadonlyMap<number, LiteCell>) => void, thisArg?: unknown): void {
    this.asMap().forEach((cell, col) => callback.call(thisArg, cell, col, this))
  }

  entries(): MapIterator<[number, LiteCell]> {
    return this.asMap().entries()
  }

  keys(): MapIterator<number> {
    return this.asMap().keys()
  }

  values(): MapIterator<LiteCell> {
    return this.asMap().values()
  }

  [Symbol.iterator](): MapIterator<[number, LiteCell]> {
    return this.entries()
  }
}

export interface LiteWorkbook {
  date1904: boolean
  sheets: LiteSheet[]
}
