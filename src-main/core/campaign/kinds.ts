/** The campaign vocabularies the UI shows too: free of zod, so the renderer can load them on the first screen. */
export const TRAINING_CLASSES = ['lecturer', 'hall', 'installation', 'callcenter'] as const
export const TRAINING_CLASS_LABELS: Record<(typeof TRAINING_CLASSES)[number], string> = {
  lecturer: '标准宣讲师培训班',
  hall: '营业厅星级评定培训班',
  installation: '装维中心星级评定培训班',
  callcenter: '客服中心培训班',
}

export const ATTACHMENT_KINDS = [
  'superior-letter',
  'training-certificate',
  'lecturer-letter',
  'self-assessment',
  'photo',
  'other',
] as const
export const ATTACHMENT_KIND_LABELS: Record<(typeof ATTACHMENT_KINDS)[number], string> = {
  'superior-letter': '上级部门推荐函',
  'training-certificate': '培训合格证书',
  'lecturer-letter': '标准宣讲师推荐信',
  'self-assessment': '自评报告',
  photo: '现场照片',
  other: '其他',
}
