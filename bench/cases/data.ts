/** Deterministic, realistic-looking site values: varied types, lengths, optional fields and certificates. */
import type { SiteValues } from '../../src-main/core/sites/draft'
import type { SiteType } from '../../src-main/core/sites/fields'

/** mulberry32: a small seeded PRNG so every run inserts the same rows. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CITIES = ['广州市', '深圳市', '珠海市', '汕头市', '佛山市', '韶关市', '湛江市', '肇庆市', '江门市', '茂名市', '惠州市', '梅州市', '汕尾市', '河源市', '阳江市', '清远市', '东莞市', '中山市', '潮州市', '揭阳市', '云浮市']
const DISTRICTS = ['', '天河区', '越秀区', '福田区', '南山区', '禅城区', '香洲区', '莞城街道', '端州区']
const ENTERPRISES = ['中国电信', '中国移动', '中国联通', '中国广电', '中国铁塔']
const ROADS = ['天河路', '中山大道', '深南大道', '人民路', '解放路', '建设路', '环市东路', '迎宾大道']
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高']
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂']
const TYPES: SiteType[] = ['hall', 'hall', 'hall', 'installation', 'callcenter']
const TYPE_WORD: Record<SiteType, string> = { hall: '营业厅', callcenter: '客服中心', installation: '装维中心' }

export function makeSites(count: number, seed = 2021): SiteValues[] {
  const rnd = prng(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const sites: SiteValues[] = []
  for (let i = 0; i < count; i++) {
    const type = pick(TYPES)
    const city = pick(CITIES)
    const district = pick(DISTRICTS)
    const enterprise = pick(ENTERPRISES)
    const road = pick(ROADS)
    const certCount = int(0, 4)
    sites.push({
      name: `${enterprise}${city.slice(0, -1)}${district || ''}${road}第${i + 1}${TYPE_WORD[type]}`,
      type,
      enterprise,
      recommender: `${enterprise}${city.slice(0, -1)}分公司`,
      uscc: `91440${String(int(100, 999))}${String(i).padStart(9, '0')}X`.slice(0, 18),
      city,
      district,
      address: `广东省${city}${district}${road}${int(1, 999)}号${rnd() < 0.3 ? `${int(1, 30)}楼` : ''}`,
      starLevel: int(1, 5),
      manager: pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.5 ? pick(GIVEN) : ''),
      phone: rnd() < 0.8 ? `1${int(3, 9)}${String(int(0, 999_999_999)).padStart(9, '0')}` : `020-${int(8000_0000, 8999_9999)}`,
      email: rnd() < 0.6 ? `site${i}@gd.example.cn` : '',
      staffCount: rnd() < 0.9 ? int(3, 300) : null,
      areaSqm: type === 'hall' ? Math.round(rnd() * 150_000) / 100 : null,
      seats: type === 'callcenter' ? int(20, 2000) : null,
      certificates: Array.from({ length: certCount }, (_, k) => `GD2021${String(int(0, 99999)).padStart(5, '0')}${k}`),
      highlights: rnd() < 0.5 ? '坚持“客户至上”的服务理念，\n推行首问负责制，满意度连续三年位居全省前列。'.repeat(int(1, 4)) : '',
      applyDate: `2021-${String(int(1, 10)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
      remarks: rnd() < 0.2 ? '已提交纸质材料' : '',
    })
  }
  return sites
}
