/**
 * A training record (培训合格名单 row) read from a form or a roster: the same rules for both, and the same
 * certificate-number normalisation as a site's claimed numbers, so a claim and a record always compare equal.
 */
import { TRAINING_CLASSES, TRAINING_CLASS_LABELS } from '../campaign/preset'
import type { FieldProblem } from '../errors'
import { parseDate } from '../sites/normalize'
import { cleanProse, cleanText, toHalfWidth } from '../text'

export type TrainingClass = (typeof TRAINING_CLASSES)[number]

export const TRAINING_FIELD_LABELS = {
  trainee: '姓名',
  workUnit: '工作单位',
  certificateNo: '证书编号',
  class: '培训班',
  issuedOn: '发证日期',
} as const

/** Half-width, no spaces, upper case: 'ｇｄ 2021－001' and 'GD2021-001' are the same certificate. */
export function normalizeCertificateNo(value: unknown): string {
  return toHalfWidth(String(value ?? ''))
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[－—–]/g, '-')
    .toUpperCase()
}

// Class names as people write them on a roster, most specific first (装维中心星级评定 before 星级评定).
const CLASS_SYNONYMS: Array<[TrainingClass, RegExp]> = [
  ['lecturer', /^(lecturer|标准宣讲师(培训班?)?|宣讲师(培训班?)?|宣讲)$/i],
  ['installation', /^(installation|装维中心星级评定(培训班?)?|装维(中心)?(培训班?)?|安装维修(服务中心)?(培训班?)?)$/i],
  ['callcenter', /^(callcenter|call ?center|客服中心(星级评定)?(培训班?)?|客服(培训班?)?|呼叫中心(培训班?)?)$/i],
  ['hall', /^(hall|营业厅星级评定(培训班?)?|营业厅(培训班?)?)$/i],
]

export function parseTrainingClass(value: unknown): TrainingClass | null {
  const text = cleanText(value).replace(/\s+/g, '')
  if (!text) return null
  for (const c of TRAINING_CLASSES) if (TRAINING_CLASS_LABELS[c] === text) return c
  for (const [c, pattern] of CLASS_SYNONYMS) if (pattern.test(text)) return c
  return null
}

export interface TrainingDraft {
  trainee?: unknown
  workUnit?: unknown
  certificateNo?: unknown
  class?: unknown
  issuedOn?: unknown
}

export interface TrainingValues {
  trainee: string
  workUnit: string
  certificateNo: string
  class: TrainingClass
  issuedOn: string | null
}

const classList = () => TRAINING_CLASSES.map((c) => TRAINING_CLASS_LABELS[c]).join('、')

export function readTrainingDraft(draft: TrainingDraft): { values: TrainingValues | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  const add = (field: keyof typeof TRAINING_FIELD_LABELS, message: string) => problems.push({ field, message })

  const trainee = cleanProse(draft.trainee)
  if (!trainee) add('trainee', '姓名不能为空')
  else if (trainee.length > 50) add('trainee', '姓名过长（最多 50 字）')

  const workUnit = cleanProse(draft.workUnit)
  if (workUnit.length > 200) add('workUnit', '工作单位过长（最多 200 字）')

  const certificateNo = normalizeCertificateNo(draft.certificateNo)
  if (!certificateNo) add('certificateNo', '证书编号不能为空')
  else if (certificateNo.length > 50) add('certificateNo', '证书编号过长（最多 50 个字符）')
  // A site lists several numbers separated by these; a record holding one could never be matched.
  else if (/[、，,；;]/.test(certificateNo)) add('certificateNo', `证书编号“${certificateNo}”中有分隔符，一条记录只能填一个证书编号`)

  const cls = parseTrainingClass(draft.class)
  if (cleanText(draft.class) === '') add('class', `培训班不能为空，可选：${classList()}`)
  else if (!cls) add('class', `无法识别的培训班“${cleanText(draft.class)}”，可选：${classList()}`)

  let issuedOn: string | null = null
  const rawDate = draft.issuedOn
  const hasDate = rawDate instanceof Date || typeof rawDate === 'number' || cleanText(rawDate) !== ''
  if (hasDate) {
    issuedOn = parseDate(rawDate)
    if (!issuedOn) add('issuedOn', `发证日期“${cleanText(rawDate)}”无法识别，请写成如 2021-05-06 或 2021年5月6日`)
  }

  if (problems.length) return { values: null, problems }
  return { values: { trainee, workUnit, certificateNo, class: cls!, issuedOn }, problems }
}
