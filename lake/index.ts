// The lake: a local server speaking the part of Sanity's HTTP API the Studio and @sanity/client use.
export { openLake, defaultProjectId, defaultCorsOrigins, type Lake, type LakeOptions } from './lake.ts'
export { serveLake } from './serveLake.ts'
export { LakeError } from './errors.ts'
export { roles, type Role } from './auth/roles.ts'
export type { LakeUser, TokenInfo } from './auth/tokenStore.ts'
export type { LakeDocument } from './mutations/document.ts'
export { parseArchive, formatArchive, ArchiveFileError, type ArchiveDocument } from './datasetFile.ts'
export { importDocuments, exportDocuments } from './transfer.ts'
