import { AuditPage } from '../../audit/AuditPage'

/** The office's audit codes (services/office/*) as a clerk names them. */
const ACTIONS: Record<string, string> = {
  create: '新建',
  update: '修改',
  replace: '更换',
  receive: '接收',
  confirm: '确认',
  'resolve-duplicate': '处理重复',
  'set-result': '记录结果',
  'import-results': '导入评定结果',
}

const ENTITIES: Record<string, string> = {
  office: '推进办公室',
  'province-key': '省级公钥',
  bundle: '报送包',
  'duplicate-pair': '疑似重复',
  'site-result': '评定结果',
}

const OFFICE = { actions: ACTIONS, entities: ENTITIES }

/** 操作日志 of the office's own database: the province's page over office.audit.list. */
export function OfficeAuditPage() {
  return <AuditPage office={OFFICE} />
}
