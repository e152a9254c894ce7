import { useState } from 'react'
import { ActiveView } from './ActiveView'
import { TrashView } from './TrashView'

/** 推荐现场: the registry of this year's sites, and its 回收站. */
export function SitesPage() {
  const [trash, setTrash] = useState(false)
  return trash ? <TrashView onBack={() => setTrash(false)} /> : <ActiveView onTrash={() => setTrash(true)} />
}
