// Where a data folder's key comes from, in this order: LAKE_PASSPHRASE; the key file LAKE_KEY_FILE
// names (on a USB stick kept apart, say); the `.lake-key` beside the data folder; a passphrase typed
// at a terminal. A folder with no data yet gets a new data key, wrapped by the first of these, or
// else by a new random `.lake-key`, so that `npm start` works with nothing configured.
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { DataKey } from './dataKey.ts'
import { encryptionProblem, folderState } from './folderState.ts'
import { makeKeyFile, readKeyFile } from './keyFile.ts'
import { createKeyring, keyringCost, unlockKeyring, WrongKeyError, type KeyringCost } from './keyring.ts'

export interface KeySettings {
  dataDir: string
  env: Record<string, string | undefined>
  /** Asks for the passphrase without showing it, at a terminal; null when there is none. */
  ask: ((prompt: string) => Promise<string>) | null
  out: (line: string) => void
  /** scrypt's cost for a new keyring (tests use a small one). */
  cost?: KeyringCost
}

export interface Secret {
  secret: string
  /** Where it came from, in words for messages. */
  from: string
  /** The key file it was read from, if any. */
  keyFile: string | null
}

/** `.lake-key` in the folder that holds the data folder: outside the data, git-ignored. */
export const defaultKeyFileOf = (dataDir: string) => join(dirname(resolve(dataDir)), '.lake-key')

const fromFile = (path: string, from: string): Secret => ({ secret: readKeyFile(path), from, keyFile: path })

/** The configured secret, or null when none is (and, with `ask`, nobody could type one). */
export async function findSecret(settings: KeySettings, options: { ask: boolean }): Promise<Secret | null> {
  const { env } = settings
  if (env.LAKE_PASSPHRASE) return { secret: env.LAKE_PASSPHRASE, from: 'LAKE_PASSPHRASE', keyFile: null }
  if (env.LAKE_KEY_FILE) {
    const path = resolve(env.LAKE_KEY_FILE)
    if (existsSync(path)) return fromFile(path, `the key file ${path} (LAKE_KEY_FILE)`)
    if (folderState(settings.dataDir) !== 'new')
      throw new Error(`LAKE_KEY_FILE names ${path}, which does not exist; is the USB stick with the key in? Nothing was opened`)
    return null
  }
  const beside = defaultKeyFileOf(settings.dataDir)
  if (existsSync(beside)) return fromFile(beside, `the key file ${beside}`)
  if (options.ask && settings.ask) {
    const secret = await settings.ask(`Passphrase of the archive's data in ${settings.dataDir}`)
    return { secret, from: 'the passphrase typed', keyFile: null }
  }
  return null
}

/** A new random key file where LAKE_KEY_FILE says, or beside the data folder, said plainly. */
export function newKeyFile(settings: KeySettings): Secret {
  const path = settings.env.LAKE_KEY_FILE ? resolve(settings.env.LAKE_KEY_FILE) : defaultKeyFileOf(settings.dataDir)
  const secret = makeKeyFile(path)
  const beside = dirname(path) === dirname(resolve(settings.dataDir))
  settings.out(`No key was given, so a new random key was made in ${path}; it encrypts the archive's data in ${settings.dataDir}.`)
  if (beside)
    settings.out(
      'The key sits beside the data until you move it: anyone who copies this disk copies both and can read everything. ' +
        `Move it to a USB stick kept apart and start with LAKE_KEY_FILE=<where it is>, or change to a passphrase with \`npm run lake -- rekey\`.`,
    )
  settings.out('Keep a copy of the key (or of the passphrase) in a safe place: without it nobody can ever read the data again.')
  return { secret, from: `the key file ${path}`, keyFile: path }
}

/** The folder's data key: unlocked, or made for a folder with no data yet. Throws, writing nothing, for a wrong key. */
export async function openFolderKey(settings: KeySettings): Promise<DataKey> {
  const { dataDir } = settings
  const state = folderState(dataDir)
  const problem = encryptionProblem(dataDir, state)
  if (problem) throw new Error(problem)
  if (state === 'new') {
    const secret = (await findSecret(settings, { ask: false })) ?? newKeyFile(settings)
    mkdirSync(dataDir, { recursive: true })
    return createKeyring(dataDir, secret.secret, settings.cost ?? keyringCost)
  }
  const secret = await findSecret(settings, { ask: true })
  if (!secret)
    throw new Error(
      `The data in ${dataDir} is encrypted and no key was given: set LAKE_PASSPHRASE, or LAKE_KEY_FILE to its key file, ` +
        'or run the command in a terminal to type the passphrase',
    )
  return unlockWith(dataDir, secret)
}

export function unlockWith(dataDir: string, secret: Secret): DataKey {
  try {
    return unlockKeyring(dataDir, secret.secret)
  } catch (error) {
    if (!(error instanceof WrongKeyError)) throw error
    throw new Error(
      `The key from ${secret.from} does not open the data in ${dataDir}; nothing was opened or changed. ` +
        'Check the passphrase or the key file; after `npm run lake -- rekey` only the new one opens it',
    )
  }
}
