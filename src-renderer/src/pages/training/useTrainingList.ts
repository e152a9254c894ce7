import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../../api'
import type { TrainingRecord } from './types'

/** The training roster, searched on the core (姓名, 工作单位, 证书编号). */
export function useTrainingList(text: string) {
  const [records, setRecords] = useState<TrainingRecord[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const request = useRef(0)

  const reload = useCallback(async () => {
    const id = ++request.current
    setLoading(true)
    try {
      const query = text.trim()
      const result = await call('training.list', query ? { text: query } : {})
      if (id !== request.current) return
      setRecords(result.records)
      setError(null)
    } catch (e) {
      if (id === request.current) setError(e)
    } finally {
      if (id === request.current) setLoading(false)
    }
  }, [text])

  useEffect(() => {
    void reload()
  }, [reload])

  return { records, loading, error, reload }
}
