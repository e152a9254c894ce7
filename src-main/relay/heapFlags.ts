/**
 * V8 flags for the process that holds the core (the desktop's utility process; `npm run web` and `npm run cli`
 * pass the same ones in package.json, and a unit test keeps the three in step).
 *
 * Why: on a machine with plenty of RAM, Node's V8 lets the young generation grow to 64 MiB per semi-space
 * (128 MiB of new space). Long jobs that allocate briskly — receiving 31 bundles, importing 20,000 rows — then
 * hold that much garbage-in-waiting for their whole run: receiving 1 GiB of bundles peaked at ~290 MB, 128 MB of
 * it new space. The clerk's laptop runs Word, WPS and a browser beside us, so the core caps each semi-space at
 * 16 MiB. Measured by `npm run bench office-receive` in the core process itself (exceljs and docx loaded only
 * when needed, services/files/exceljs.ts): 31 bundles peak at ~200 MB with the cap, ~240 MB without it; 8 MiB
 * gave ~190 MB but made 1,000 letters ~13% slower (16 MiB: ~5%, within the bench's noise).
 */
export const CORE_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=16']
