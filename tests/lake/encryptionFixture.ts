// What the encryption tests import from the lake and the seed, in one place.
export { lakeClient, openLake } from '../../lake/index.ts'
export { seedArchivePath as seedArchivePathForTests } from '../../seed/index.ts'
