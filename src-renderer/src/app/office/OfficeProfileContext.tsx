import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { OpOutput } from '@contract'
import { call } from '../../api'

export type OfficeProfile = OpOutput<'office.profile.get'>

interface OfficeProfileState {
  profile: OfficeProfile | null
  error: unknown
  reload(): Promise<void>
  update(profile: OfficeProfile): void
}

const OfficeProfileContext = createContext<OfficeProfileState | null>(null)

/** The office's name, short name, year and deadline, read once for the header and shared by the pages. */
export function OfficeProfileProvider({ children }: { children: ReactNode }) {
  const [profile, setProfile] = useState<OfficeProfile | null>(null)
  const [error, setError] = useState<unknown>(null)
  const reload = useCallback(async () => {
    try {
      setProfile(await call('office.profile.get', {}))
      setError(null)
    } catch (e) {
      setError(e)
    }
  }, [])
  useEffect(() => {
    void reload()
  }, [reload])
  const value = useMemo(() => ({ profile, error, reload, update: setProfile }), [profile, error, reload])
  return <OfficeProfileContext value={value}>{children}</OfficeProfileContext>
}

export function useOfficeProfile(): OfficeProfileState {
  const state = useContext(OfficeProfileContext)
  if (!state) throw new Error('useOfficeProfile 必须在 OfficeProfileProvider 内使用')
  return state
}
