import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * Data read from the core when a component shows: `load` must be stable (useCallback); a newer load wins
 * over an older one still in flight.
 */
export function useLoader<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const request = useRef(0)

  const reload = useCallback(async () => {
    const id = ++request.current
    setLoading(true)
    try {
      const value = await load()
      if (id !== request.current) return
      setData(value)
      setError(null)
    } catch (e) {
      if (id === request.current) setError(e)
    } finally {
      if (id === request.current) setLoading(false)
    }
  }, [load])

  useEffect(() => {
    void reload()
  }, [reload])

  return { data, loading, error, reload }
}
