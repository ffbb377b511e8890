// What a data folder holds, told from its files: nothing yet, the lake's data unencrypted (written
// before encryption at rest), or encrypted (a keyring), possibly with an encryption half done.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { FolderKey } from './dataKey.ts'
import { hasKeyring, keyringPath, readKeyring } from './keyring.ts'

export type FolderState = 'new' | 'plain' | 'encrypted' | 'half-encrypted'

/** The suffix of the encrypted copies `npm run lake -- encrypt` makes before it replaces the plain files. */
export const encryptingSuffix = '.encrypting'

const accountFiles = ['tokens.sqlite', 'settings.sqlite', 'accounts.sqlite']

/** Every SQLite file of the lake in a data folder (the accounts' and each dataset's documents). */
export function sqliteFilesOf(dataDir: string): string[] {
  const datasets = join(dataDir, 'datasets')
  const documents = existsSync(datasets)
    ? readdirSync(datasets, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(datasets, entry.name, 'documents.sqlite'))
    : []
  return [...accountFiles.map((name) => join(dataDir, name)), ...documents].filter((file) => existsSync(file))
}

/** Files left by an encryption that stopped before it replaced every plain file. */
export function leftoverCopies(dataDir: string): string[] {
  const found: string[] = []
  const walk = (folder: string) => {
    if (!existsSync(folder)) return
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory() && entry.name !== 'site') walk(path)
      else if (entry.name.endsWith(encryptingSuffix)) found.push(path)
    }
  }
  walk(dataDir)
  return found
}

export function folderState(dataDir: string): FolderState {
  if (hasKeyring(dataDir)) return leftoverCopies(dataDir).length > 0 ? 'half-encrypted' : 'encrypted'
  return sqliteFilesOf(dataDir).length > 0 ? 'plain' : 'new'
}

/** Why an encrypted lake can not open the folder as it is (plain, or its encryption half done), or null. */
export function encryptionProblem(dataDir: string, state: FolderState = folderState(dataDir)): string | null {
  if (state === 'half-encrypted')
    return `The encryption of ${dataDir} stopped half-way; run \`npm run lake -- encrypt --data ${dataDir}\` again to finish it`
  if (state === 'plain')
    return `The data in ${dataDir} is not encrypted yet; run \`npm run lake -- encrypt --data ${dataDir}\` first (README, "Encryption at rest")`
  return null
}

/** Throws, before anything is written, unless `key` is the right one for the folder. */
export function checkFolderKey(dataDir: string, key: FolderKey): void {
  const state = folderState(dataDir)
  if (key === 'plain') {
    if (state === 'half-encrypted' || state === 'encrypted') throw new Error(`The data in ${dataDir} is encrypted; open it with its key`)
    return
  }
  const problem = encryptionProblem(dataDir, state)
  if (problem) throw new Error(problem)
  if (state === 'new') throw new Error(`${dataDir} has no keyring (${keyringPath(dataDir)}); create one for the key first`)
  if (readKeyring(dataDir).keyId !== key.id) throw new Error(`This key does not open the data in ${dataDir}`)
}
