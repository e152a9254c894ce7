import { TRAINING_CLASS_LABELS, type OpOutput } from '@contract'

export type TrainingRecord = OpOutput<'training.list'>['records'][number]
export type TrainingClass = TrainingRecord['class']

export const CLASS_OPTIONS = (Object.keys(TRAINING_CLASS_LABELS) as TrainingClass[]).map((value) => ({
  value,
  label: TRAINING_CLASS_LABELS[value],
}))
