// Limits and names copied from hosted Sanity where it has them, so that what works against the
// lake works against Sanity too (https://www.sanity.io/docs/technical-limits).

/** Largest request body the data API accepts: Sanity's 4,000,000 bytes, which also bounds how many
 * mutations a transaction holds (Sanity sets no count of its own). */
export const maxMutationBodyBytes = 4_000_000
/** Largest asset upload the lake accepts. */
export const maxAssetBytes = 50 * 1024 * 1024
/** Longest GROQ query Sanity accepts (about 10 kB as a GET parameter; POST allows more). */
export const maxQueryLength = 300 * 1024
/** How deeply arrays and objects may nest in a request's JSON (the lake's own limit, far above what
 * documents need, so that no request can exhaust the stack). */
export const maxJsonDepth = 100
/** Longest transaction id a client may choose. */
export const maxTransactionIdLength = 200
/** Dataset names as Sanity allows them. */
export const datasetNamePattern = /^[a-z0-9][a-z0-9_-]{0,63}$/
/** Most bytes of a refused request's body the lake reads and discards so that the connection can
 * serve the next request (a transaction a little over its limit, a small upload); a longer body is
 * answered at once and closes the connection, rather than keep a slow link busy for minutes. */
export const maxDrainedBodyBytes = 8 * 1024 * 1024
/** Largest archive the lake imports as one transaction (the lake's own limit: the transaction's log
 * row holds its mutations and their changes as JSON, and better-sqlite3 binds no value over 512 MiB;
 * an archive of 367 MB failed there, so the limit keeps a wide margin). */
export const maxImportBytes = 128 * 1024 * 1024
