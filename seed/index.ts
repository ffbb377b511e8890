// The fictional seed archive: its content, how it becomes documents, and the NDJSON file.
export { buildSeedArchive, seedArchivePath } from './readSeedContent.ts'
export { parseArchive, formatArchive, ArchiveFileError, type ArchiveDocument } from '../lake/datasetFile.ts'
export { seedStates, type SeedState } from './seedContent.ts'
