import type { ProvinceKey } from '../../../db/office/provinceKeys'
import { addKey, listKeys } from '../../../services/office/keys'
import type { OfficeHandlersFor } from '../../handler'
import type { officeKeysOps } from './contract'

/** The key without its raw bytes: the page shows the fingerprint and whether the file was registered. */
const keyView = (k: ProvinceKey) => ({
  id: k.id,
  province: k.province,
  fingerprint: k.fingerprint,
  source: k.source,
  hasPublicKey: k.publicKey !== null,
  registeredAt: k.registeredAt,
  registeredBy: k.registeredBy,
  supersededAt: k.supersededAt,
})

export const officeKeysHandlers: OfficeHandlersFor<typeof officeKeysOps> = {
  'office.keys.list': (input, { office }) => ({ keys: listKeys(office, { includeHistory: input.includeHistory }).map(keyView) }),
  'office.keys.add': (input, { office }) => {
    const r = addKey(office, input.file !== undefined ? { province: input.province, file: input.file } : { province: input.province, fingerprint: input.fingerprint! })
    return { key: keyView(r.key), replaced: r.replaced ? keyView(r.replaced) : null, unchanged: r.unchanged }
  },
}
