/** The training roster's columns (培训合格名单) and the header variants the importer accepts. */
import type { TrainingDraft } from '../training/records'
import { TRAINING_FIELD_LABELS } from '../training/records'

export type TrainingField = keyof Required<TrainingDraft>

export const TRAINING_COLUMNS: { field: TrainingField; header: string; required: boolean; aliases: string[] }[] = [
  { field: 'trainee', header: TRAINING_FIELD_LABELS.trainee, required: true, aliases: ['学员姓名', '学员', '姓 名'] },
  { field: 'workUnit', header: TRAINING_FIELD_LABELS.workUnit, required: false, aliases: ['单位', '所在单位', '工作单位名称'] },
  { field: 'certificateNo', header: TRAINING_FIELD_LABELS.certificateNo, required: true, aliases: ['证书号', '证书号码', '培训合格证书编号', '合格证书编号'] },
  { field: 'class', header: TRAINING_FIELD_LABELS.class, required: true, aliases: ['培训班次', '班次', '培训类别', '培训班名称', '培训类型'] },
  { field: 'issuedOn', header: TRAINING_FIELD_LABELS.issuedOn, required: false, aliases: ['发证时间', '日期', '颁证日期'] },
]

export function trainingLabel(field: string): string {
  return (TRAINING_FIELD_LABELS as Record<string, string>)[field] ?? field
}
