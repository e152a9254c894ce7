import { useCallback } from 'react'
import type { OpOutput } from '@contract'
import { call } from '../../api'
import { useLoader } from '../../components/useLoader'

export type ResultsData = OpOutput<'results.list'>
export type ResultRow = ResultsData['rows'][number]
export type SiteResult = ResultsData['sites'][number]

/** The imported rows and the results in force per site, reloaded after every change. */
export function useResults() {
  const load = useCallback(() => call('results.list', {}), [])
  return useLoader(load)
}
