// What the encryption tests import from the lake, its client and the seed, in one place.
export { openLake } from '../../lake/index.ts'
export { lakeClient } from '../../wire/index.ts'
export { seedArchivePath as seedArchivePathForTests } from '../../seed/index.ts'
