/** The 全国名册 page's filter (renderer, pure): every typed word must match, the province narrows, order kept. */
import { describe, expect, it } from 'vitest'
import { filterRegister, indexRegister, type RegisterRow } from '../../../src-renderer/src/pages/office/register/registerView'

const row = (id: number, province: string, name: string, city: string, type = 'hall'): RegisterRow => ({
  id,
  province,
  code: `${province === '广东省' ? 'GD' : 'ZJ'}-2021-Y00${id}`,
  name,
  type,
  city,
  address: `${city}人民路 ${id} 号`,
  enterprise: '中国移动',
  recommender: '中国移动通信集团',
  starLevel: 4,
  bundleId: 1,
})

const ROWS = [row(1, '广东省', '天河营业厅', '广州市'), row(2, '浙江省', '西湖营业厅', '杭州市'), row(3, '广东省', '南山装维中心', '深圳市', 'installation')]

describe('filterRegister', () => {
  const index = indexRegister(ROWS)

  it('keeps every row for an empty query, in the list order', () => {
    expect(filterRegister(index, '  ', null).map((r) => r.id)).toEqual([1, 2, 3])
  })

  it('needs every word, across fields (province, type label, city), case-insensitively', () => {
    expect(filterRegister(index, '广东 装维', null).map((r) => r.id)).toEqual([3])
    expect(filterRegister(index, 'zj-2021', null).map((r) => r.id)).toEqual([2])
    expect(filterRegister(index, '广东 西湖', null)).toEqual([])
  })

  it('narrows to one province', () => {
    expect(filterRegister(index, '营业厅', '广东省').map((r) => r.id)).toEqual([1])
  })
})
