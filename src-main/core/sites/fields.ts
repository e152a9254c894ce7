/** The vocabulary of a site record: codes in English, labels in Chinese. */

export const SITE_TYPES = ['hall', 'callcenter', 'installation'] as const
export type SiteType = (typeof SITE_TYPES)[number]

export const SITE_TYPE_INFO: Record<SiteType, { label: string; fullName: string; letter: string; standard: string }> = {
  hall: { label: '营业厅', fullName: '电信业务实体营业厅', letter: 'Y', standard: 'T/CCSA 248-2019' },
  callcenter: { label: '客服中心', fullName: '电信业务客服中心', letter: 'K', standard: 'T/CCSA 249-2019' },
  installation: {
    label: '装维中心',
    fullName: '电信业务安装维修服务中心',
    letter: 'Z',
    standard: 'T/CCSA 250-2019',
  },
}

export const SITE_STATUSES = [
  'draft',
  'pending',
  'approved',
  'recommended',
  'deferred',
  'submitted',
  'rated',
  'rejected',
] as const
export type SiteStatus = (typeof SITE_STATUSES)[number]

export const SITE_STATUS_LABELS: Record<SiteStatus, string> = {
  draft: '草稿',
  pending: '待审核',
  approved: '审核通过',
  recommended: '已推荐',
  deferred: '暂缓报送',
  submitted: '已报送',
  rated: '已评定',
  rejected: '未通过',
}

/**
 * 暂缓报送: held back from this year's submission with a reason (site_deferrals), findings kept. It never
 * goes into a bundle, a cover letter or the packed roster, and its open errors do not block the bundle.
 * 恢复报送 puts back the status it had before.
 */
export const DEFERRED_STATUS: SiteStatus = 'deferred'

/** Site statuses by their English code or their Chinese label (for the command line). */
export function parseSiteStatus(text: string): SiteStatus | null {
  const t = text.trim()
  const lower = t.toLowerCase()
  return SITE_STATUSES.find((s) => s === lower || SITE_STATUS_LABELS[s] === t) ?? null
}

/** 所属企业: a fixed list plus 其他 (free text is then kept as typed). */
export const ENTERPRISES = ['中国电信', '中国移动', '中国联通', '中国广电', '中国铁塔', '其他'] as const

export const STAR_LABELS = ['', '一星级', '二星级', '三星级', '四星级', '五星级', '六星级', '七星级']

/** A star level as people read it: 四星级; one beyond the named levels still reads as N星级. */
export const starLabel = (level: number): string => STAR_LABELS[level] || `${level}星级`

/** Field names of a site as the UI and the importer see them, with their Chinese labels. */
export const SITE_FIELD_LABELS = {
  code: '现场编号',
  name: '现场名称',
  type: '现场类型',
  enterprise: '所属企业',
  recommender: '推荐单位',
  uscc: '统一社会信用代码',
  city: '所在地市',
  district: '区县',
  address: '详细地址',
  starLevel: '申报星级',
  manager: '现场负责人',
  phone: '联系电话',
  email: '电子邮箱',
  staffCount: '员工人数',
  areaSqm: '营业面积（平方米）',
  seats: '坐席数',
  certificates: '培训合格证书编号',
  highlights: '突出表现',
  applyDate: '申报日期',
  remarks: '备注',
  status: '状态',
} as const
export type SiteField = keyof typeof SITE_FIELD_LABELS

export const REQUIRED_SITE_FIELDS: SiteField[] = [
  'name',
  'type',
  'enterprise',
  'recommender',
  'uscc',
  'city',
  'address',
  'starLevel',
  'manager',
  'phone',
  'applyDate',
]
