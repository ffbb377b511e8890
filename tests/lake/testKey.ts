// Keys for the tests' data folders: a keyring wrapped by a fixed test passphrase at a small scrypt
// cost (the folders are temporary), and what opens the same folder from the CLI or a child process.
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unlockKeyring } from '../../lake/atRest/keyring.ts'
import { createKeyring, type DataKey, type KeyringCost } from '../../lake/index.ts'

export const testSecret = 'test passphrase (fictional)'
export const testCost: KeyringCost = { N: 2 ** 10, r: 8, p: 1 }
/** The environment of a child process or the CLI that opens the tests' folders. */
export const testEnv = { ...process.env, LAKE_PASSPHRASE: testSecret }
/** runLakeCli's last argument for the tests' folders. */
export const testCli = { env: testEnv, keyringCost: testCost, ask: null }

/** The folder's key: made on first use, unlocked with the test passphrase after. */
export function keyFor(dataDir: string): DataKey {
  return existsSync(join(dataDir, 'keyring.json')) ? unlockKeyring(dataDir, testSecret) : createKeyring(dataDir, testSecret, testCost)
}

/** A new temporary data folder with its key. */
export function sealedFolder(prefix = 'lake-test-'): { dataDir: string; key: DataKey } {
  const dataDir = mkdtempSync(join(tmpdir(), prefix))
  return { dataDir, key: keyFor(dataDir) }
}
