/**
 * The import template (推荐汇总表模板): the canonical columns in order, drop-downs for the closed lists, the
 * campaign's window in the date prompt, and a 填表说明 sheet. What the template writes, the importer reads.
 */
import type ExcelJS from 'exceljs'
import { ROSTER_COLUMNS, type RosterColumn } from '../../core/roster/columns'
import { columnLetter } from '../../core/roster/letters'
import { citiesOfProvince } from '../../core/regions/cities'
import { ENTERPRISES, SITE_TYPES, SITE_TYPE_INFO, starLabel } from '../../core/sites/fields'
import type { Association } from '../../db/repositories/association'
import type { Campaign } from '../../db/repositories/campaigns'
import type { AppContext } from '../context'
import { requireSetup } from '../settings/association'
import { resolveOutPath, writeWorkbookAtomically } from './outputFile'
import { loadExcelJS } from '../files/exceljs'
import { applyPrintSetup } from '../files/printSetup'

export const ROSTER_SHEET = '推荐汇总表'
export const LISTS_SHEET = '下拉选项'
export const GUIDE_SHEET = '填表说明'
/** Rows that get drop-downs and formats; a province sends at most a few hundred sites a year. */
export const TEMPLATE_ROWS = 2000

const TEXT_FIELDS = new Set(['code', 'uscc', 'phone', 'certificates', 'district'])
const REQUIRED_FILL = 'FFFCE4D6'
const OPTIONAL_FILL = 'FFF2F2F2'

export function starLabels(campaign: Campaign): string[] {
  return [...campaign.config.starLevels].sort((a, b) => a - b).map(starLabel)
}

/** The header row and column formats, shared with the export so both look the same. */
export function addRosterSheet(workbook: ExcelJS.Workbook, columns: RosterColumn[], extra: { header: string; width: number }[] = []) {
  const ws = workbook.addWorksheet(ROSTER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = [
    ...columns.map((c) => ({ key: c.field, width: c.width })),
    ...extra.map((e, i) => ({ key: `extra${i}`, width: e.width })),
  ]
  const header = ws.getRow(1)
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1)
    cell.value = c.required ? `${c.header}*` : c.header
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? REQUIRED_FILL : OPTIONAL_FILL } }
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined }
  })
  extra.forEach((e, i) => {
    const cell = header.getCell(columns.length + i + 1)
    cell.value = e.header
    cell.font = { bold: true }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: OPTIONAL_FILL } }
  })
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  header.height = 30
  columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1)
    if (TEXT_FIELDS.has(c.field)) column.numFmt = '@'
    if (c.field === 'applyDate') column.numFmt = 'yyyy-mm-dd'
    if (c.field === 'highlights' || c.field === 'remarks') column.alignment = { wrapText: true, vertical: 'top' }
  })
  // As the 全国名册 (same columns): two pages across, 序号, 现场编号 and 现场名称 repeated at the left.
  applyPrintSetup(ws, { title: ROSTER_SHEET, pagesWide: 2, titleColumns: 'A:C' })
  return ws
}

function addLists(workbook: ExcelJS.Workbook, lists: { title: string; items: string[] }[]): string[] {
  const ws = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' })
  return lists.map((list, i) => {
    const letter = columnLetter(i + 1)
    ws.getCell(`${letter}1`).value = list.title
    list.items.forEach((item, j) => (ws.getCell(`${letter}${j + 2}`).value = item))
    return `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${Math.max(2, list.items.length + 1)}`
  })
}

function addGuide(workbook: ExcelJS.Workbook, association: Association, campaign: Campaign, cities: string[]): void {
  const ws = workbook.addWorksheet(GUIDE_SHEET)
  ws.columns = [{ width: 22 }, { width: 8 }, { width: 90 }]
  const w = campaign.config.applicationWindow
  const title = ws.addRow([`${association.name} ${campaign.config.name} 推荐汇总表填表说明`])
  title.font = { bold: true, size: 14 }
  ws.addRow([])
  const lines = [
    '1. 在“推荐汇总表”工作表中每行填写一个服务现场；第一行表头请勿修改。列名后带 * 的为必填项（表头为红色）。',
    '2. 现场类型、所属企业、申报星级、所在地市请从下拉列表中选择。',
    `3. 申报日期必须在本年度申报时间 ${w.start} 至 ${w.end} 之内，写成 2021-05-06 或 2021年5月6日。`,
    '4. 统一社会信用代码为 18 位，请按营业执照填写；联系电话可填手机号、带区号的固定电话或 400/800 号码。',
    '5. 员工人数、坐席数填整数；营业面积填数字（平方米）。营业厅请填写营业面积，客服中心请填写坐席数。',
    '6. 多个培训合格证书编号写在同一格中，用顿号、逗号、分号或换行分隔。',
    '7. 新现场不填现场编号，导入后由系统分配；修改已导入的现场时保留其现场编号，系统按编号更新。没有编号时按“现场名称 + 推荐单位”识别同一现场。',
    '8. 导入前系统会先预览：有错误的行（必填项为空、类型、星级、日期或数字无法识别）不会导入；格式不规范但可以保存的内容（如信用代码校验位不对）会导入，并在审核中提示。',
    '9. 请勿在表中使用公式；如使用，导入时读取 Excel 保存的计算结果。',
  ]
  for (const line of lines) ws.addRow([line]).getCell(1).alignment = { wrapText: false }
  ws.addRow([])
  const head = ws.addRow(['列名', '必填', '填写要求'])
  head.font = { bold: true }
  for (const c of ROSTER_COLUMNS) {
    let note = c.note
    if (c.field === 'applyDate') note += `（本年度：${w.start} 至 ${w.end}）`
    if (c.field === 'starLevel') note += `（本年度可申报：${starLabels(campaign).join('、')}）`
    if (c.field === 'city' && cities.length) note += `（${association.province}：${cities.join('、')}）`
    const row = ws.addRow([c.header, c.required ? '是' : '否', note])
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' }
  }
  applyPrintSetup(ws, { title: GUIDE_SHEET, headerRows: 0 })
}

export async function buildTemplate(association: Association, campaign: Campaign): Promise<ExcelJS.Workbook> {
  const workbook = new (await loadExcelJS()).Workbook()
  workbook.creator = 'starsite 星级服务现场推荐报送系统'
  const ws = addRosterSheet(workbook, ROSTER_COLUMNS)
  const cities = citiesOfProvince(association.province)
  const [typeRange, enterpriseRange, starRange, cityRange] = addLists(workbook, [
    { title: '现场类型', items: SITE_TYPES.map((t) => SITE_TYPE_INFO[t].label) },
    { title: '所属企业', items: [...ENTERPRISES] },
    { title: '申报星级', items: starLabels(campaign) },
    { title: '所在地市', items: cities },
  ])
  addGuide(workbook, association, campaign, cities)

  // exceljs 4.4 has worksheet.dataValidations.add(range, …) but its typings omit it.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations
  const w = campaign.config.applicationWindow
  const lastRow = TEMPLATE_ROWS + 1
  const range = (field: string) => {
    const letter = columnLetter(ROSTER_COLUMNS.findIndex((c) => c.field === field) + 1)
    return `${letter}2:${letter}${lastRow}`
  }
  const list = (formula: string, title: string, strict: boolean): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    // 所属企业 allows other names (kept as typed), so a value not in the list only warns there.
    errorStyle: strict ? 'stop' : 'warning',
    errorTitle: title,
    error: `请从下拉列表中选择${title}`,
  })
  validations.add(range('type'), list(typeRange, '现场类型', true))
  validations.add(range('enterprise'), list(enterpriseRange, '所属企业', false))
  validations.add(range('starLevel'), list(starRange, '申报星级', false))
  if (cities.length) validations.add(range('city'), list(cityRange, '所在地市', false))
  validations.add(range('applyDate'), {
    type: 'date',
    operator: 'between',
    allowBlank: true,
    formulae: [new Date(`${w.start}T00:00:00Z`), new Date(`${w.end}T00:00:00Z`)],
    showInputMessage: true,
    promptTitle: '申报日期',
    prompt: `本年度申报时间：${w.start} 至 ${w.end}`,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '申报日期',
    error: `申报日期应在 ${w.start} 至 ${w.end} 之间`,
  })
  for (const field of ['staffCount', 'seats'] as const)
    validations.add(range(field), {
      type: 'whole',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      errorTitle: '应为整数',
      error: '请填写不小于 0 的整数',
    })
  validations.add(range('areaSqm'), {
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorTitle: '应为数字',
    error: '请填写不小于 0 的数字（平方米）',
  })
  return workbook
}

export async function writeTemplate(app: AppContext, outPath?: string): Promise<{ path: string; size: number }> {
  const { association, campaign } = requireSetup(app)
  const target = resolveOutPath(app, outPath, `推荐汇总表模板_${campaign.year}.xlsx`)
  const size = await writeWorkbookAtomically(app, await buildTemplate(association, campaign), target)
  return { path: target, size }
}
