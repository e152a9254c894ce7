/**
 * How a table sheet prints: every workbook starsite writes ends up on paper (the office prints the 全国名册 and
 * the results lists, a province its check report and results). Without this Excel, WPS and LibreOffice print
 * portrait, split the columns over extra pages, show the header row on page 1 only and number no pages.
 */
import type ExcelJS from 'exceljs'

/** exceljs's paperSize code for A4 (the Excel enumeration: 9). */
const A4 = 9

export interface PrintSetupOptions {
  /** What the page header says, e.g. 全国名册 or 评定结果; typed text, shown as is. */
  title: string
  /** Rows at the top repeated on every printed page (the table's header); 0 for a sheet without one. */
  headerRows?: number
  /** Pages across; 1 keeps every column on the page, at the cost of scale for very wide sheets. */
  pagesWide?: number
  /** Columns repeated at the left of every page (e.g. 'A:C'), so a row stays identifiable when the
   * columns run over more than one page across. */
  titleColumns?: string
  orientation?: 'landscape' | 'portrait'
}

/** In a header or footer `&` starts a code (&P, &N, &"font"): a literal one is written twice. */
export function headerFooterText(text: string): string {
  return text.replace(/&/g, '&&')
}

export function applyPrintSetup(ws: ExcelJS.Worksheet, options: PrintSetupOptions): void {
  const headerRows = options.headerRows ?? 1
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: options.orientation ?? 'landscape',
    fitToPage: true,
    fitToWidth: options.pagesWide ?? 1,
    // A sheet two pages wide reads left half then right half of the same rows, not every left half first.
    pageOrder: (options.pagesWide ?? 1) > 1 ? 'overThenDown' : 'downThenOver',
    // 0: as many pages tall as the rows need.
    fitToHeight: 0,
    horizontalCentered: true,
    // Inches, as the file format keeps them: about 1 cm at the sides, room for the header and footer.
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    ...(headerRows > 0 ? { printTitlesRow: `1:${headerRows}` } : {}),
    ...(options.titleColumns ? { printTitlesColumn: options.titleColumns } : {}),
  }
  ws.headerFooter = {
    ...ws.headerFooter,
    oddHeader: `&C&"-,Bold"${headerFooterText(options.title)}`,
    oddFooter: '&C第 &P 页，共 &N 页',
  }
  if (headerRows > 0 && !ws.views.some((v) => v.state === 'frozen' && (v.ySplit ?? 0) >= headerRows))
    ws.views = [{ state: 'frozen', ySplit: headerRows }]
}
