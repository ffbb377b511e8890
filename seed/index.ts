// The fictional seed archive: its content and how it becomes documents (the NDJSON file's format is wire/'s).
export { buildSeedArchive, seedArchivePath } from './readSeedContent.ts'
export { seedStates, type SeedState } from './seedContent.ts'
