// The version of Sanity's HTTP API the archive speaks, one date for every client it makes: the
// Studio's, the site build's, the scripts' and the tests'. From this version on, Sanity answers a
// query in the published perspective unless it is asked for another.
export const apiVersion = '2025-02-19'

/** The path prefix of that version, as it begins every request to the lake (`/v2025-02-19/data/…`). */
export const apiVersionPath = `/v${apiVersion}`
