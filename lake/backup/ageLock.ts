// age (age-encryption.org, the `age-encryption` package) around the lake's exports: to the public
// keys of one or more recipients (`age1…`; each holder's identity opens it) or to a passphrase
// (scrypt). The format is the `age` tool's, so a backup opens without this program too.
import { Decrypter, Encrypter } from 'age-encryption'
import { readFileSync } from 'node:fs'
import { chunksOf, webStreamOf } from '../webStreams.ts'

export type BackupLock = { recipients: string[] } | { passphrase: string }
export type BackupKey = { identities: string[] } | { passphrase: string }

/** The first bytes of every age file. */
export const ageHeader = Buffer.from('age-encryption.org/v1\n')

/** The `age1…` lines of a recipients file (comments and blank lines skipped), as `age -R` reads it. */
export function readRecipientsFile(path: string): string[] {
  return keyLines(path, 'recipients', /^age1[a-z0-9]+$/)
}

/** The `AGE-SECRET-KEY-…` lines of an identity file, as `age -i` reads it. */
export function readIdentityFile(path: string): string[] {
  return keyLines(path, 'identity', /^AGE-SECRET-KEY-[A-Z0-9-]+$/)
}

function keyLines(path: string, kind: string, pattern: RegExp): string[] {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
  const wrong = lines.findIndex((line) => !pattern.test(line))
  if (wrong >= 0 || lines.length === 0)
    throw new Error(`${path} is not an age ${kind} file: ${wrong >= 0 ? `line ${wrong + 1} is not one` : 'it holds no key'}`)
  return lines
}

export async function* ageEncrypted(source: AsyncIterable<Uint8Array>, lock: BackupLock): AsyncGenerator<Uint8Array> {
  const encrypter = new Encrypter()
  if ('passphrase' in lock) encrypter.setPassphrase(lock.passphrase)
  else
    for (const recipient of lock.recipients) {
      try {
        encrypter.addRecipient(recipient)
      } catch (error) {
        throw new Error(
          `"${recipient}" is not an age recipient (a public key starting age1…): ${error instanceof Error ? error.message : String(error)}`,
        )
      }
    }
  yield* chunksOf(await encrypter.encrypt(webStreamOf(source)))
}

/** The plain bytes of an age file; a clear error, before any byte, when the key does not open it. */
export async function ageDecrypted(source: AsyncIterable<Uint8Array>, key: BackupKey): Promise<AsyncIterable<Uint8Array>> {
  const decrypter = new Decrypter()
  if ('passphrase' in key) decrypter.addPassphrase(key.passphrase)
  else for (const identity of key.identities) decrypter.addIdentity(identity)
  try {
    return chunksOf(await decrypter.decrypt(webStreamOf(source)))
  } catch (error) {
    throw new Error(
      `The backup does not open with ${'passphrase' in key ? 'this passphrase' : 'these identities'} (${error instanceof Error ? error.message : String(error)}); nothing was imported`,
    )
  }
}
