import { useCallback } from 'react'
import { call } from '../../api'
import { useLoader } from '../../components/useLoader'
import type { TrainingRecord } from './types'

const NONE: TrainingRecord[] = []

/** The training roster, searched on the core (姓名, 工作单位, 证书编号). */
export function useTrainingList(text: string) {
  const load = useCallback(() => {
    const query = text.trim()
    return call('training.list', query ? { text: query } : {})
  }, [text])
  const { data, loading, error, reload } = useLoader(load)
  return { records: data?.records ?? NONE, loading, error, reload }
}
