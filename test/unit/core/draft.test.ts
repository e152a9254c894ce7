import { describe, expect, it } from 'vitest'
import { normalizeEnterprise, readSiteDraft, type SiteDraft } from '../../../src-main/core/sites/draft'
import { REQUIRED_SITE_FIELDS, SITE_FIELD_LABELS } from '../../../src-main/core/sites/fields'

const COMPLETE: SiteDraft = {
  name: ' 广州天河 营业厅 ',
  type: '电信业务实体营业厅',
  enterprise: '移动',
  recommender: '中国移动通信集团广东有限公司',
  uscc: '9144 0000 7192 8373 8x',
  city: '广州市',
  address: '广州市天河区天河路１号',
  starLevel: '★★★★',
  manager: '张三',
  phone: '138 0013 8000',
  email: 'ZS@Example.com',
  staffCount: '１２',
  areaSqm: '1,200.5',
  seats: '',
  certificates: 'gd-001、gd-002',
  highlights: '  服务好  \n\n\n\n  环境佳 ',
  applyDate: 44322,
}

describe('readSiteDraft', () => {
  it('reads a complete draft into canonical values', () => {
    const { values, problems } = readSiteDraft(COMPLETE)
    expect(problems).toEqual([])
    expect(values).toEqual({
      name: '广州天河 营业厅',
      type: 'hall',
      enterprise: '中国移动',
      recommender: '中国移动通信集团广东有限公司',
      uscc: '91440000719283738X',
      city: '广州市',
      district: '',
      // Prose as typed (DESIGN §7b), full-width digit and all; the figures (１２) still read as numbers.
      address: '广州市天河区天河路１号',
      starLevel: 4,
      manager: '张三',
      phone: '13800138000',
      email: 'zs@example.com',
      staffCount: 12,
      areaSqm: 1200.5,
      seats: null,
      certificates: ['GD-001', 'GD-002'],
      highlights: '服务好\n\n环境佳',
      applyDate: '2021-05-06',
      remarks: '',
    })
  })

  it('an empty draft names every required field in Chinese and yields no values', () => {
    const { values, problems } = readSiteDraft({})
    expect(values).toBeNull()
    expect(problems.map((p) => p.field).sort()).toEqual([...REQUIRED_SITE_FIELDS].sort())
    for (const p of problems) expect(p.message).toBe(`${SITE_FIELD_LABELS[p.field as keyof typeof SITE_FIELD_LABELS]}不能为空`)
    expect(problems.map((p) => p.message)).toContain('统一社会信用代码不能为空')
  })

  it('whitespace-only and full-width-space-only required values count as empty', () => {
    const { problems } = readSiteDraft({ ...COMPLETE, name: ' \u3000 ', phone: null })
    expect(problems).toEqual([
      { field: 'name', message: '现场名称不能为空' },
      { field: 'phone', message: '联系电话不能为空' },
    ])
  })

  it('unreadable type, star level, date and numbers are each reported with what was typed', () => {
    const { values, problems } = readSiteDraft({
      ...COMPLETE,
      type: '营业部',
      starLevel: '八星',
      applyDate: '2021-02-30',
      staffCount: '十二',
      seats: '3.5',
      areaSqm: '-1',
    })
    expect(values).toBeNull()
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]))
    expect(byField.type).toContain('营业部')
    expect(byField.type).toContain('营业厅、客服中心或装维中心')
    expect(byField.starLevel).toContain('八星')
    expect(byField.applyDate).toContain('2021-02-30')
    expect(byField.staffCount).toBe('员工人数应为不小于 0 的整数')
    expect(byField.seats).toBe('坐席数应为不小于 0 的整数')
    expect(byField.areaSqm).toBe('营业面积（平方米）应为不小于 0 的数字')
  })

  it('the 1904 date system is passed through to the date reader', () => {
    expect(readSiteDraft({ ...COMPLETE, applyDate: 42860 }, { date1904: true }).values?.applyDate).toBe('2021-05-06')
  })

  it('over-long text is a problem naming the field and the limit', () => {
    const { problems } = readSiteDraft({ ...COMPLETE, name: '厅'.repeat(501) })
    expect(problems).toEqual([{ field: 'name', message: '现场名称过长（501 字，最多 500 字）' }])
  })
})

describe('normalizeEnterprise', () => {
  it.each([
    ['电信', '中国电信'],
    ['中国移动', '中国移动'],
    ['中国联通广东省分公司', '中国联通'],
    [' 铁塔 ', '中国铁塔'],
    ['某某科技有限公司', '某某科技有限公司'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeEnterprise(input)).toBe(expected)
  })
})
