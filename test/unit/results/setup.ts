/** A 2021 data folder with sites registered through the contract, and results workbooks built with exceljs. */
import path from 'node:path'
import ExcelJS from 'exceljs'
import { dispatch } from '../../../src-main/api/dispatch'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { tempDir } from '../../helpers/tmp'
import { SITE_FIELDS } from '../../fixtures/site'

export const BASE = SITE_FIELDS

export async function call<T>(app: AppContext, name: string, input: unknown): Promise<T> {
  const r = await dispatch(app, name, input)
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`)
  return r.value as T
}

export interface World {
  app: AppContext
  inbox: string
  cleanup(): void
}

export async function setUp(): Promise<World> {
  const data = tempDir('starsite-results-')
  const inbox = tempDir('starsite-results-in-')
  const app = openApp({ dataDir: data.dir, actor: '测试员', now: () => '2021-07-01T02:00:00.000Z' })
  await call(app, 'settings.saveAssociation', {
    association: { name: '广东省通信行业协会', shortName: '粤通协', province: '广东' },
    year: 2021,
  })
  return {
    app,
    inbox: inbox.dir,
    cleanup() {
      app.close()
      data.cleanup()
      inbox.cleanup()
    },
  }
}

export async function addSite(app: AppContext, values: Record<string, unknown>): Promise<{ id: number; code: string }> {
  return call(app, 'sites.create', { site: { ...BASE, ...values } })
}

export const HEADER = ['现场编号', '现场名称', '推荐单位', '现场类型', '星级', '证书编号', '批次']

/** A results list as the national office publishes it: a title row, then the header, then the rows. */
export async function resultsWorkbook(dir: string, rows: (string | number | null)[][], name = '评定结果.xlsx', header = HEADER): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('结果')
  ws.addRow(['2021年第一批星级服务现场评定结果'])
  ws.addRow(header)
  for (const r of rows) ws.addRow(r)
  const file = path.join(dir, name)
  await wb.xlsx.writeFile(file)
  return file
}
