// The commands of `npm run lake` about keys. `rekey` wraps the data folder's key by a new
// passphrase or key file (the data is not rewritten); `encrypt` turns a plain data folder into an
// encrypted one; `backup-identity` makes an age identity for backups and prints its recipient.
// See README, "Encryption at rest" and "Backups".
import { generateIdentity, identityToRecipient } from 'age-encryption'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { passphraseProblem } from './accounts/passphrase.ts'
import { encryptFolder, finishEncryption } from './atRest/encryptFolder.ts'
import { defaultKeyFileOf, findSecret, newKeyFile, unlockWith, type KeySettings } from './atRest/folderKey.ts'
import { encryptionProblem, folderState } from './atRest/folderState.ts'
import { writeFileDurably } from './atRest/durableFile.ts'
import { makeKeyFile } from './atRest/keyFile.ts'
import { keyringCost, keyringPath, rewrapKeyring } from './atRest/keyring.ts'
import type { CliCommand, CliContext } from './cli.ts'
import { textArg } from './cli.ts'

const settingsOf = (context: CliContext): KeySettings => ({
  dataDir: context.dataDir,
  env: context.env,
  ask: context.ask,
  out: context.out,
  ...(context.keyringCost ? { cost: context.keyringCost } : {}),
})

async function currentSecret(context: CliContext) {
  const secret = await findSecret(settingsOf(context), { ask: true })
  if (!secret) throw new Error('Give the current key first: LAKE_PASSPHRASE, LAKE_KEY_FILE, or type it at a terminal')
  return secret
}

export const keyCommands: Record<string, CliCommand> = {
  async 'backup-identity'(args, { out }) {
    const file = args.positionals[1]
    if (!file) throw new Error('Say where to write the identity: `backup-identity FILE` (keep it apart from the backups)')
    const path = resolve(file)
    if (existsSync(path)) throw new Error(`${path} exists already; an identity file is never replaced, since it may open old backups`)
    const identity = await generateIdentity()
    const recipient = await identityToRecipient(identity)
    mkdirSync(dirname(path), { recursive: true })
    writeFileDurably(
      path,
      `# An age identity: it opens the archive's backups made to ${recipient}. Keep it apart from them.\n${identity}\n`,
      0o600,
    )
    out(`Wrote the identity to ${path}: it opens the backups; without it they can never be read. Keep it apart from them.`)
    out('Make backups to its recipient (BACKUP_TO, or export --to):')
    out(recipient)
  },
  async rekey(args, context) {
    const { dataDir, out } = context
    const state = folderState(dataDir)
    if (state !== 'encrypted') throw new Error(encryptionProblem(dataDir, state) ?? `${dataDir} holds no lake data, so no key to change`)
    const old = await currentSecret(context)
    const key = unlockWith(dataDir, old)
    const newKeyFile = textArg(args, 'new-key-file')
    let secret: string
    let now: string
    if (newKeyFile) {
      secret = makeKeyFile(resolve(newKeyFile))
      now = `the new key file ${resolve(newKeyFile)}; start with LAKE_KEY_FILE=${resolve(newKeyFile)}`
    } else {
      secret =
        context.env.LAKE_NEW_PASSPHRASE ?? (await context.readPassphrase('New passphrase for the archive’s data (at least 10 characters)'))
      const problem = passphraseProblem(secret)
      if (problem) throw new Error(`${problem}; the key was not changed`)
      now = 'the new passphrase; start with LAKE_PASSPHRASE set to it, or type it when `npm start` asks'
    }
    rewrapKeyring(dataDir, key, secret, context.keyringCost ?? keyringCost)
    out(`The data in ${dataDir} now opens with ${now}. No data was rewritten; the old key no longer opens it.`)
    if (old.keyFile && old.keyFile === defaultKeyFileOf(dataDir) && existsSync(old.keyFile)) {
      rmSync(old.keyFile)
      out(`The old key file ${old.keyFile} was removed: it opens nothing now.`)
    } else if (old.keyFile) out(`The old key file ${old.keyFile} opens nothing now; destroy it, and its copies.`)
    out(
      `Copies of ${keyringPath(dataDir)} made before (in copies of the data folder) still open with the old key: see README, "Encryption at rest".`,
    )
  },
  async encrypt(_args, context) {
    const { dataDir, out } = context
    const state = folderState(dataDir)
    if (state === 'half-encrypted') {
      // The keyring exists: the copies were checked before it was written; only the swap is left.
      unlockWith(dataDir, await currentSecret(context))
      out(`Finished the encryption of ${dataDir}: ${await finishEncryption(dataDir)} plain files replaced by their encrypted copies.`)
      return
    }
    if (state === 'encrypted') throw new Error(`The data in ${dataDir} is encrypted already`)
    if (state === 'new') throw new Error(`${dataDir} holds no lake data to encrypt`)
    const settings = settingsOf(context)
    const found = await findSecret(settings, { ask: false })
    const secret = (found ?? newKeyFile(settings)).secret
    out(`Encrypting ${dataDir}: copying each file encrypted and checking it before the plain file goes…`)
    const result = await encryptFolder(dataDir, secret, context.keyringCost ?? keyringCost)
    out(
      `Encrypted ${result.databases} databases and ${result.assets} asset files in ${dataDir}; the plain files were overwritten and removed.` +
        ' On an SSD or a copy-on-write disk old blocks may survive: see README, "Encryption at rest".',
    )
    for (const path of result.unknown) out(`Left as it is (not written by the lake): ${path}`)
  },
}
