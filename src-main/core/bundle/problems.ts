/**
 * The problem kinds `verify` reports (DESIGN §8). Separate from manifest.ts so the contract — which the
 * renderer imports — pulls in no Node types.
 */
export const PROBLEMS = ['missing', 'extra', 'hash-mismatch', 'size-mismatch', 'bad-signature', 'bad-manifest'] as const
export type ProblemKind = (typeof PROBLEMS)[number]
