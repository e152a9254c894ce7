import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Settings } from '@contract'
import { callPrefetched } from '../api/prefetch'

interface SettingsState {
  settings: Settings | null
  loading: boolean
  error: unknown
  reload(): Promise<void>
  /** Replace the settings with what a save returned. */
  update(settings: Settings): void
}

const SettingsContext = createContext<SettingsState | null>(null)

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)

  const reload = useCallback(async () => {
    setLoading(true)
    try {
      setSettings(await callPrefetched('settings.get', {}))
      setError(null)
    } catch (e) {
      setError(e)
    } finally {
      setLoading(false)
    }
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  const value = useMemo<SettingsState>(
    () => ({ settings, loading, error, reload, update: setSettings }),
    [settings, loading, error, reload],
  )
  return <SettingsContext value={value}>{children}</SettingsContext>
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext)
  if (!state) throw new Error('useSettings 必须在 SettingsProvider 内使用')
  return state
}
