import { lazy, Suspense, useState } from 'react'
import { ActiveView } from './ActiveView'

const TrashView = lazy(async () => ({ default: (await import('./TrashView')).TrashView }))

/** 推荐现场: the registry of this year's sites, and its 回收站. */
export function SitesPage() {
  const [trash, setTrash] = useState(false)
  return trash ? (
    <Suspense fallback={null}>
      <TrashView onBack={() => setTrash(false)} />
    </Suspense>
  ) : (
    <ActiveView onTrash={() => setTrash(true)} />
  )
}
