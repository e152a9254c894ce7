/**
 * One table from the per-feature tables (contract ops, handlers), keyed by feature name. A spread would let a
 * later feature silently replace an operation of the same name; here the compiler rejects it (the argument
 * then needs a `duplicateOperation` property naming the clash) and, for anything that slips past the types,
 * the merge throws when the module loads. Imported by the renderer through the contract: no Node code.
 */

/** Operation names declared by more than one feature; never when the features are disjoint. */
export type SharedOperations<F> = {
  [A in keyof F]: { [B in Exclude<keyof F, A>]: keyof F[A] & keyof F[B] }[Exclude<keyof F, A>]
}[keyof F]

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never
type AllOperations<F> = UnionToIntersection<F[keyof F]>

/** Every feature's operations in one object type. */
export type MergedFeatures<F> = { [K in keyof AllOperations<F>]: AllOperations<F>[K] }

type NoSharedOperations<F> = [SharedOperations<F>] extends [never] ? unknown : { duplicateOperation: SharedOperations<F> }

export function mergeFeatures<F extends Record<string, Record<string, unknown>>>(
  features: F & NoSharedOperations<F>,
): MergedFeatures<F> {
  const merged: Record<string, unknown> = {}
  const owner = new Map<string, string>()
  for (const [feature, operations] of Object.entries(features as F)) {
    for (const [name, value] of Object.entries(operations)) {
      const first = owner.get(name)
      if (first !== undefined) throw new Error(`Operation "${name}" is declared by both "${first}" and "${feature}"`)
      owner.set(name, feature)
      merged[name] = value
    }
  }
  return merged as MergedFeatures<F>
}
