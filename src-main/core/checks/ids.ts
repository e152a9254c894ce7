/**
 * Check rule ids and their Chinese labels: pure values, re-exported by the API contract so the renderer can
 * show them without importing any rule code.
 */
export const RULE_IDS = [
  'required-field',
  'site-type',
  'uscc-checksum',
  'phone-format',
  'email-format',
  'star-level',
  'application-window',
  'superior-letter',
  'training-proof',
  'certificate-unknown',
  'duplicate-site',
  'attachment-integrity',
  'type-fields',
  'city-in-province',
] as const
export type RuleId = (typeof RULE_IDS)[number]

export const SEVERITIES = ['error', 'warning'] as const
export type Severity = (typeof SEVERITIES)[number]

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告' }

export const RULE_LABELS: Record<RuleId, string> = {
  'required-field': '必填项缺失',
  'site-type': '现场类型',
  'uscc-checksum': '统一社会信用代码',
  'phone-format': '联系电话格式',
  'email-format': '电子邮箱格式',
  'star-level': '申报星级',
  'application-window': '申报日期',
  'superior-letter': '上级部门推荐函',
  'training-proof': '培训证明',
  'certificate-unknown': '证书编号未在培训名单中',
  'duplicate-site': '重复申报',
  'attachment-integrity': '附件完整性',
  'type-fields': '类型相关信息',
  'city-in-province': '所在地市',
}

/**
 * The usual severity of each rule (DESIGN §5). A rule may report a finding at another severity when the
 * design says so (training-proof is a warning "未核验" while no roster is loaded).
 */
export const RULE_SEVERITY: Record<RuleId, Severity> = {
  'required-field': 'error',
  'site-type': 'error',
  'uscc-checksum': 'error',
  'phone-format': 'error',
  'email-format': 'warning',
  'star-level': 'error',
  'application-window': 'error',
  'superior-letter': 'error',
  'training-proof': 'error',
  'certificate-unknown': 'warning',
  'duplicate-site': 'error',
  'attachment-integrity': 'error',
  'type-fields': 'warning',
  'city-in-province': 'warning',
}

/** What a user sees when trying to waive an error; shared by the service and its tests. */
export const ERROR_NOT_WAIVABLE = '错误级问题不能豁免，请修正后重新审核'
