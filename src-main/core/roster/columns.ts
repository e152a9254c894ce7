/**
 * The roster's columns (DESIGN §4): the canonical header the template writes, the variants the importer
 * accepts, and the notes the 填表说明 sheet shows. One table, so template, import and export never disagree.
 */
import { SITE_FIELD_LABELS, type SiteField } from '../sites/fields'

/** 序号 is written by the template but carries no data; it is recognised so it is not reported as extra. */
export type RosterField = Exclude<SiteField, 'status'> | 'seq'

export interface RosterColumn {
  field: RosterField
  /** Canonical header text, without the required mark. */
  header: string
  required: boolean
  /** Other headers clerks use for the same column (compared after headerKey()). */
  aliases: string[]
  /** Column width in the template, in Excel character units. */
  width: number
  /** One sentence for the 填表说明 sheet. */
  note: string
}

const col = (
  field: RosterField,
  required: boolean,
  width: number,
  aliases: string[],
  note: string,
): RosterColumn => ({
  field,
  header: field === 'seq' ? '序号' : SITE_FIELD_LABELS[field],
  required,
  aliases,
  width,
  note,
})

export const ROSTER_COLUMNS: RosterColumn[] = [
  col('seq', false, 6, ['编号序号', 'no'], '行序号，可不填，导入时不使用。'),
  col('code', false, 16, ['编号', '现场代码'], '系统分配的现场编号（如 GD-2021-Y001）。新现场留空；填写已有编号则更新该现场。'),
  col('name', true, 30, ['服务现场名称', '营业厅名称', '名称', '现场全称'], '服务现场全称，如“广州天河路营业厅”。'),
  col('type', true, 12, ['类型', '服务现场类型', '现场类别'], '从下拉列表选择：营业厅、客服中心或装维中心。'),
  col('enterprise', true, 12, ['所属运营商', '运营商', '所属公司', '企业'], '从下拉列表选择所属企业；其他企业选“其他”或直接填写名称。'),
  col('recommender', true, 30, ['申报单位', '推荐企业', '报送单位'], '推荐该现场的单位全称（一般为省级分公司）。'),
  col('uscc', true, 22, ['信用代码', '社会信用代码', '统一信用代码'], '推荐单位的 18 位统一社会信用代码。'),
  col('city', true, 12, ['地市', '城市', '所属地市', '市'], '从下拉列表选择本省的地市。'),
  col('district', false, 12, ['区县', '县区', '所在区县'], '所在区、县，可不填。'),
  col('address', true, 36, ['地址', '现场地址', '营业地址'], '现场的详细地址。'),
  col('starLevel', true, 10, ['星级', '申报等级', '申报星级等级'], '从下拉列表选择，也可填 3、三星、三星级或★★★。'),
  col('manager', true, 12, ['负责人', '联系人', '现场经理'], '现场负责人姓名。'),
  col('phone', true, 16, ['电话', '手机', '联系方式', '手机号码', '联系电话手机'], '手机号（11 位）、带区号的固定电话（如 020-12345678）或 400/800 号码。'),
  col('email', false, 24, ['邮箱', 'email', 'e-mail', '电子信箱'], '电子邮箱，可不填。'),
  col('staffCount', false, 10, ['人数', '员工数', '从业人数'], '整数，可不填。'),
  col('areaSqm', false, 14, ['营业面积', '面积', '营业面积平方米', '面积平方米', '营业面积m2', '营业面积㎡'], '营业厅的营业面积（平方米），数字。'),
  col('seats', false, 8, ['坐席', '座席数', '座席', '坐席数量'], '客服中心的坐席数，整数。'),
  col('certificates', false, 24, ['证书编号', '培训证书编号', '合格证书编号', '培训合格证书'], '员工的培训合格证书编号；多个编号用顿号、逗号、分号或换行分隔。'),
  col('highlights', false, 40, ['突出表现', '主要事迹', '先进事迹', '特色亮点'], '服务现场的突出表现，可换行。'),
  col('applyDate', true, 12, ['日期', '申报时间', '推荐日期'], '申报日期，必须在本年度申报时间内，写成 2021-05-06 或 2021年5月6日。'),
  col('remarks', false, 24, ['备注', '说明'], '其他说明，可不填。'),
]

/**
 * Header text as compared: half-width, no spaces or line breaks, no brackets of either width, no required
 * marks, lower case. "营业面积（平方米）", "营业面积(平方米)" and "营业面积 平方米*" all give the same key.
 */
export function headerKey(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00A0]+/g, '')
    .replace(/[()[\]【】〔〕<>《》*＊:：]/g, '')
    .toLowerCase()
}

/** A table of header keys to fields, built once per column set. */
export function headerIndex<F extends string>(columns: { field: F; header: string; aliases: string[] }[]): Map<string, F> {
  const index = new Map<string, F>()
  for (const c of columns) {
    for (const h of [c.header, ...c.aliases]) {
      const key = headerKey(h)
      if (!index.has(key)) index.set(key, c.field)
    }
  }
  return index
}
