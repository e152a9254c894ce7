/**
 * Provinces with the two-letter codes of ISO 3166-2:CN, used as the prefix of site codes (GD-2021-Y001).
 * The association's 省份 is matched by its short name, so 广东, 广东省 and 广东省通信行业协会 all work.
 */
export const PROVINCES: ReadonlyArray<{ name: string; short: string; code: string }> = [
  { name: '北京市', short: '北京', code: 'BJ' },
  { name: '天津市', short: '天津', code: 'TJ' },
  { name: '河北省', short: '河北', code: 'HE' },
  { name: '山西省', short: '山西', code: 'SX' },
  { name: '内蒙古自治区', short: '内蒙古', code: 'NM' },
  { name: '辽宁省', short: '辽宁', code: 'LN' },
  { name: '吉林省', short: '吉林', code: 'JL' },
  { name: '黑龙江省', short: '黑龙江', code: 'HL' },
  { name: '上海市', short: '上海', code: 'SH' },
  { name: '江苏省', short: '江苏', code: 'JS' },
  { name: '浙江省', short: '浙江', code: 'ZJ' },
  { name: '安徽省', short: '安徽', code: 'AH' },
  { name: '福建省', short: '福建', code: 'FJ' },
  { name: '江西省', short: '江西', code: 'JX' },
  { name: '山东省', short: '山东', code: 'SD' },
  { name: '河南省', short: '河南', code: 'HA' },
  { name: '湖北省', short: '湖北', code: 'HB' },
  { name: '湖南省', short: '湖南', code: 'HN' },
  { name: '广东省', short: '广东', code: 'GD' },
  { name: '广西壮族自治区', short: '广西', code: 'GX' },
  { name: '海南省', short: '海南', code: 'HI' },
  { name: '重庆市', short: '重庆', code: 'CQ' },
  { name: '四川省', short: '四川', code: 'SC' },
  { name: '贵州省', short: '贵州', code: 'GZ' },
  { name: '云南省', short: '云南', code: 'YN' },
  { name: '西藏自治区', short: '西藏', code: 'XZ' },
  { name: '陕西省', short: '陕西', code: 'SN' },
  { name: '甘肃省', short: '甘肃', code: 'GS' },
  { name: '青海省', short: '青海', code: 'QH' },
  { name: '宁夏回族自治区', short: '宁夏', code: 'NX' },
  { name: '新疆维吾尔自治区', short: '新疆', code: 'XJ' },
  { name: '台湾省', short: '台湾', code: 'TW' },
  { name: '香港特别行政区', short: '香港', code: 'HK' },
  { name: '澳门特别行政区', short: '澳门', code: 'MO' },
]

export function findProvince(value: string): (typeof PROVINCES)[number] | null {
  const text = value.replace(/\s+/g, '')
  if (!text) return null
  return PROVINCES.find((p) => text === p.name || text === p.short || text.startsWith(p.short)) ?? null
}
