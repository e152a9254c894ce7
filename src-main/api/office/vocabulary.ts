/**
 * What the office's pages show for the codes its operations return. Pure values, no zod: re-exported by
 * api/vocabulary.ts, which the renderer loads in place of the contract.
 */
import { PROVINCES } from '../../core/association/provinces'

export const OFFICE_BUNDLE_STATUS_LABELS = {
  ingested: '已入库',
  'pending-confirmation': '待确认',
  superseded: '已被替代',
  refused: '已拒收',
  'already-received': '已收过',
} as const

export const BUNDLE_PROBLEM_LABELS = {
  missing: '缺失',
  extra: '多余',
  'hash-mismatch': '内容不符',
  'size-mismatch': '大小不符',
  'bad-signature': '签名/密钥',
  'bad-manifest': '包或清单有误',
} as const

export const OFFICE_DUPLICATE_REASON_LABELS = {
  'uscc-address': '统一社会信用代码与地址相同',
  'name-city': '同一地市名称相同',
  address: '地址相同',
} as const

export const OFFICE_RESOLUTION_LABELS = { duplicate: '确认为重复', distinct: '确认不是重复' } as const

/** The 31 mainland provinces whose bundles the office expects (full names, as the register stores them). */
export const MAINLAND_PROVINCES: readonly string[] = PROVINCES.filter((p) => !['TW', 'HK', 'MO'].includes(p.code)).map((p) => p.name)

export const ROLE_LABELS = { province: '省级协会', office: '全国推进办公室' } as const
