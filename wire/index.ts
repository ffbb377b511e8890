// What passes between the parts in Sanity's own formats, neutral ground that the lake, the site, the
// seed and the scripts may all import: the dataset file (NDJSON) and a @sanity/client for a lake
// served on this machine. It imports only core/ (the API version).
export { parseArchive, formatArchive, ArchiveFileError, type ArchiveDocument } from './datasetFile.ts'
export { lakeClient, defaultProjectId, type LakeClientOptions } from './lakeClient.ts'
