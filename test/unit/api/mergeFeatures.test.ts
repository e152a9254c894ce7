/**
 * Two features declaring one operation name must not merge: the compiler refuses the call (checked by tsc on
 * this file through the @ts-expect-error lines, which fail the type-check if no error is there) and the merge
 * throws when the module loads.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import { contract, OP_NAMES, type OpName } from '../../../src-main/api/contract'
import { handlers } from '../../../src-main/api/handlers'
import { officeHandlers } from '../../../src-main/api/office/handlers'
import { sharedHandlers } from '../../../src-main/api/session/handlers'
import { mergeFeatures, type SharedOperations } from '../../../src-main/api/mergeFeatures'

describe('mergeFeatures', () => {
  it('merges disjoint features into one table, values untouched', () => {
    const get = () => 1
    const merged = mergeFeatures({ a: { 'a.get': get, 'a.put': 2 }, b: { 'b.get': 'three' } })
    expect(merged).toEqual({ 'a.get': get, 'a.put': 2, 'b.get': 'three' })
    expect(merged['a.get']).toBe(get)
    expectTypeOf(merged).toEqualTypeOf<{ 'a.get': () => number; 'a.put': number; 'b.get': string }>()
  })

  it('throws on an operation declared by two features, naming both', () => {
    expect(() =>
      // @ts-expect-error -- "x.get" is in both features: the compiler must refuse this call.
      mergeFeatures({ a: { 'x.get': 1, 'a.only': 1 }, b: { 'b.only': 2 }, c: { 'x.get': 3 } }),
    ).toThrow('Operation "x.get" is declared by both "a" and "c"')
  })

  it('names every shared operation in the type', () => {
    type Shared = SharedOperations<{ a: { x: 1; y: 1 }; b: { x: 2 }; c: { y: 3; z: 3 } }>
    expectTypeOf<Shared>().toEqualTypeOf<'x' | 'y'>()
    expectTypeOf<SharedOperations<{ a: { x: 1 }; b: { y: 2 } }>>().toBeNever()
  })
})

describe('the real tables', () => {
  it('the contract and the handlers name the same operations, once each', () => {
    expect(new Set(OP_NAMES).size).toBe(OP_NAMES.length)
    // Three tables (province, office, either role), together naming each operation exactly once.
    const all = [...Object.keys(handlers), ...Object.keys(officeHandlers), ...Object.keys(sharedHandlers)]
    expect(all.sort()).toEqual([...OP_NAMES].sort())
    expect(OP_NAMES).toContain('sites.list')
    expect(contract['sites.list'].title).toBeTruthy()
  })

  it('OpName is the union of names, not string', () => {
    // @ts-expect-error -- no such operation: OpName must stay a union of literal names.
    const unknown: OpName = 'no.such.op'
    expect(OP_NAMES).not.toContain(unknown)
  })
})
