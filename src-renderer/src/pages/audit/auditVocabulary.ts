/** The audit log's action and entity codes as a clerk names them (codes as the core writes them). */
export const ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  attach: '添加附件',
  detach: '移除附件',
  status: '修改状态',
  import: '导入',
  generate: '生成',
  renumber: '重新编号',
  waive: '豁免',
  unwaive: '取消豁免',
  'schedule-restore': '计划恢复',
  'cancel-restore': '取消恢复',
  'restore-refused': '恢复未执行',
}

export const ENTITY_LABELS: Record<string, string> = {
  site: '现场',
  training: '培训记录',
  association: '协会信息',
  campaign: '评定活动',
  roster: '推荐汇总表',
  letter: '推荐函',
  letters: '推荐函（批量）',
  'letter-settings': '推荐函设置',
  bundle: '报送包',
  key: '签名密钥',
  data: '数据（备份与恢复）',
}

export const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))

export const ACTION_OPTIONS = options(ACTION_LABELS)
export const ENTITY_OPTIONS = options(ENTITY_LABELS)
