/**
 * The sheet reader keeps its reading state in a Cursor per read, never in module variables: two reads
 * advanced alternately, or one started from inside another (a callback of the outer read), each read their
 * own part correctly.
 */
import { describe, expect, it } from 'vitest'
import { readSheetData, type SheetBuild } from '../../../src-main/services/roster/xlsxLite/cells'
import { Cursor } from '../../../src-main/services/roster/xlsxLite/cursor'

function build(strings: string[]): SheetBuild {
  return { rows: new Map(), maxRow: 0, blank: true, strings, dates: [], date1904: false, sharedMasters: new Map() }
}

const values = (sheet: SheetBuild) =>
  [...sheet.rows].map(([row, cells]) => [row, [...cells].map(([col, c]) => [col, c.value])])

describe('xlsxLite reader state', () => {
  it('two cursors advanced alternately each keep their own attribute, tag end and text end', () => {
    const xa = '<c r="B7" s="3"><v>a&amp;b</v></c>'
    const xb = '<row r="12" spans="1:3"/><t>xyz</t>'
    const a = new Cursor()
    const b = new Cursor()
    let ia = a.attributeOrEnd(xa, 2)
    let ib = b.attributeOrEnd(xb, 4)
    expect([xa.slice(a.attrName, a.attrNameEnd), a.attrText(xa)]).toEqual(['r', 'B7'])
    expect([xb.slice(b.attrName, b.attrNameEnd), b.attrText(xb)]).toEqual(['r', '12'])
    ib = b.attributeOrEnd(xb, ib)
    ia = a.attributeOrEnd(xa, ia)
    expect(a.attrIs(xa, 115 /* s */)).toBe(true)
    expect(b.attrText(xb)).toBe('1:3')
    expect(a.attributeOrEnd(xa, ia)).toBe(-1)
    expect(b.attributeOrEnd(xb, ib)).toBe(-1)
    expect([a.tagClose, a.tagSelfClosing]).toEqual([xa.indexOf('>'), false])
    expect([b.tagClose, b.tagSelfClosing]).toEqual([xb.indexOf('/>') + 1, true])
    const va = xa.indexOf('<v>') + 3
    const tb = xb.indexOf('<t>') + 3
    expect(a.elementText(xa, va, 'v')).toBe('a&b')
    expect(b.elementText(xb, tb, 't')).toBe('xyz')
    expect(a.textEnd).toBe(xa.indexOf('</v>') + 4)
    expect(b.textEnd).toBe(xb.length)
  })

  it('a sheet read started from inside another (a shared-string lookup) leaves the outer read correct', () => {
    // The outer B1 holds a character reference (&#49;2 is "12"), found by the outer read's look-ahead for '&'
    // before the nested read runs; the nested part has no '&' at all.
    const outer = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>&#49;2</v></c><c r="C1"><v>7</v></c></row></sheetData>'
    const inner = '<row r="3"><c r="A3"><v>5</v></c><c r="B3" t="s"><v>0</v></c></row><row r="4"><c r="A4"><v>6</v></c></row></sheetData>'
    let innerSheet: SheetBuild | null = null
    const strings = new Proxy(['甲'], {
      get(target, key, receiver) {
        if (key === '0' && !innerSheet) {
          innerSheet = build(['乙'])
          expect(readSheetData(inner, 0, innerSheet)).toBe(inner.length)
        }
        return Reflect.get(target, key, receiver)
      },
    })
    const outerSheet = build(strings)
    expect(readSheetData(outer, 0, outerSheet)).toBe(outer.length)
    expect(values(outerSheet)).toEqual([[1, [[1, '甲'], [2, 12], [3, 7]]]])
    expect(innerSheet).not.toBeNull()
    expect(values(innerSheet!)).toEqual([
      [3, [[1, 5], [2, '乙']]],
      [4, [[1, 6]]],
    ])
  })
})
