// The commands of `npm run lake` that work on an open lake: serve, token, user, dataset, import, export.
// Each opens the data folder with its key first (lake/atRest/folderKey.ts): a wrong key stops the
// command before anything is opened or written.
import { openFolderKey } from './atRest/folderKey.ts'
import { roles } from './auth/roles.ts'
import { readIdentityFile, readRecipientsFile, type BackupKey, type BackupLock } from './backup/ageLock.ts'
import { importArchiveStream } from './backup/archiveImport.ts'
import { readExport, textOf, writeExport } from './backup/backupFile.ts'
import { defaultPort, textArg, type CliArgs, type CliCommand, type CliContext } from './cli.ts'
import { passphraseProblem } from './accounts/passphrase.ts'
import { openLake, type Lake } from './lake.ts'
import { serveLake } from './serveLake.ts'
import { importDocuments, leftOutNotice } from './transfer.ts'
import { userCommand } from './userCommand.ts'

type LakeCommand = (lake: Lake, args: CliArgs, context: CliContext) => Promise<'keep-open' | void>

const required = (args: CliArgs, name: string, hint: string) => {
  const value = textArg(args, name)
  if (!value) throw new Error(`--${name} is required: ${hint}`)
  return value
}

/** Opens the lake with the folder's key, runs the command, and closes the lake unless it keeps serving. */
const withLake =
  (command: LakeCommand): CliCommand =>
  async (args, context) => {
    const key = await openFolderKey({
      dataDir: context.dataDir,
      env: context.env,
      ask: context.ask,
      out: context.out,
      ...(context.keyringCost ? { cost: context.keyringCost } : {}),
    })
    // Browser origins allowed to call the lake (the Studio's, the site's in development), comma-separated.
    const cors = textArg(args, 'cors') ?? context.env.LAKE_CORS_ORIGINS
    const corsOrigins = cors
      ?.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean)
    const lake = openLake({ timeZone: context.timeZone, dataDir: context.dataDir, key, ...(corsOrigins ? { corsOrigins } : {}) })
    try {
      const outcome = await command(lake, args, context)
      if (outcome !== 'keep-open') lake.close()
      return outcome
    } catch (error) {
      lake.close()
      throw error
    }
  }

async function backupLock(args: CliArgs, context: CliContext): Promise<BackupLock | 'plain'> {
  const to = Array.isArray(args.values.to) ? args.values.to : []
  const recipientsFile = textArg(args, 'recipients-file')
  const recipients = [
    ...to
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter(Boolean),
    ...(recipientsFile ? readRecipientsFile(recipientsFile) : []),
  ]
  const chosen = [recipients.length > 0, args.values.passphrase === true, args.values.plain === true].filter(Boolean).length
  if (chosen === 0)
    throw new Error(
      'Say who may open the backup: --to age1… (once per recipient), --recipients-file FILE, or --passphrase; ' +
        'or --plain for an unencrypted file, which anyone who finds it can read',
    )
  if (chosen > 1) throw new Error('Choose one of --to/--recipients-file, --passphrase and --plain')
  if (args.values.plain === true) return 'plain'
  if (recipients.length > 0) return { recipients }
  const passphrase = context.env.BACKUP_PASSPHRASE ?? (await context.readPassphrase('Passphrase for the backup (at least 10 characters)'))
  const problem = passphraseProblem(passphrase)
  if (problem) throw new Error(problem)
  return { passphrase }
}

async function backupKey(args: CliArgs, context: CliContext): Promise<BackupKey> {
  const identity = textArg(args, 'identity') ?? context.env.BACKUP_IDENTITY_FILE
  if (identity) return { identities: readIdentityFile(identity) }
  if (context.env.BACKUP_PASSPHRASE) return { passphrase: context.env.BACKUP_PASSPHRASE }
  const prompt = 'Passphrase of the backup (or give --identity FILE)'
  return { passphrase: context.ask ? await context.ask(prompt) : await context.readPassphrase(prompt) }
}

export const lakeCommands: Record<string, CliCommand> = {
  serve: withLake(async (lake, args, context) => {
    const port = Number(textArg(args, 'port') ?? defaultPort)
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port ${textArg(args, 'port')} is not a port number; use 1–65535`)
    lake.services.datasets.ensure(textArg(args, 'dataset') ?? 'production')
    const server = await serveLake(lake, port, textArg(args, 'host') ?? '127.0.0.1')
    context.out(`The lake is serving http://localhost:${server.port} (data in ${context.dataDir}, encrypted). Ctrl-C stops it.`)
    const stop = () => {
      server.close().then(
        () => {
          lake.close()
          process.exit(0)
        },
        (error: unknown) => {
          context.out(`The lake did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`)
          process.exit(1)
        },
      )
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    return 'keep-open'
  }),
  token: withLake(async (lake, args, { out }) => {
    const [, action, id] = args.positionals
    const tokens = lake.services.tokens
    if (action === 'create') {
      const role = required(args, 'role', `one of ${roles.join(', ')}`)
      const name = required(args, 'name', 'the person or program that will use it, e.g. --name "Sophea"')
      const { token, info } = tokens.create({ name, role, userId: textArg(args, 'user'), now: new Date() })
      out(`Created token ${info.tokenId} for ${info.name} (${info.role}, user id ${info.id}). It is shown once; keep it safe:`)
      out(token)
    } else if (action === 'list') {
      for (const t of tokens.list())
        out(
          `${t.tokenId}  ${t.role.padEnd(13)} ${t.id.padEnd(24)} ${t.name}  ${t.revokedAt ? `revoked ${t.revokedAt}` : `created ${t.createdAt}`}`,
        )
    } else if (action === 'revoke') {
      if (!id) throw new Error('Say which token to revoke: `token revoke <id>` (ids are in `token list`)')
      tokens.revoke(id, new Date())
      out(`Revoked token ${id}.`)
    } else {
      throw new Error('Use `token create --role ROLE --name NAME`, `token list` or `token revoke ID`')
    }
  }),
  user: withLake(async (lake, args, { out, readPassphrase }) => {
    const [, action, id] = args.positionals
    const input = { action, id, user: textArg(args, 'user'), name: textArg(args, 'name'), role: textArg(args, 'role') }
    await userCommand(lake.services.staff, input, out, readPassphrase)
  }),
  dataset: withLake(async (lake, args, { out }) => {
    const [, action, name] = args.positionals
    const datasets = lake.services.datasets
    if (action === 'list') {
      for (const found of datasets.names()) out(`${found}  (${datasets.get(found).documents().length} documents)`)
    } else if (action === 'create' && name) {
      datasets.create(name)
      out(`Created dataset ${name}. Import into it with \`npm run lake -- import FILE --dataset ${name}\`.`)
    } else if (action === 'delete' && name) {
      if (args.values.yes !== true)
        throw new Error(`Deleting dataset ${name} removes its documents, history and files for good; run it again with --yes to do so`)
      datasets.delete(name)
      out(`Deleted dataset ${name}.`)
    } else {
      throw new Error('Use `dataset list`, `dataset create NAME` or `dataset delete NAME --yes`')
    }
  }),
  import: withLake(async (lake, args, context) => {
    const file = args.positionals[1]
    if (!file) throw new Error('Say which file to import: `import FILE.tar.gz.age`, `import FILE.tar.gz` or `import FILE.ndjson`')
    const dataset = lake.services.datasets.ensure(textArg(args, 'dataset') ?? 'production')
    const replace = args.values.replace === true
    const { format, encrypted, chunks } = await readExport(file, () => backupKey(args, context))
    const from = encrypted ? ' (decrypted)' : ''
    if (format === 'archive') {
      const place = { projectId: lake.services.projectId, dataset: dataset.name, origin: `http://localhost:${defaultPort}` }
      const result = await importArchiveStream(dataset, chunks, { author: 'import', replace, place })
      const how = result.restored
        ? `, restored as they were with ${result.transactions} transactions of history`
        : ` in transaction ${result.transactionId}`
      context.out(
        `Imported ${result.documents} documents and ${result.assets} assets${from} into ${dataset.name}${how}.${leftOutNotice(result.leftOut)}`,
      )
      return
    }
    const result = importDocuments(dataset, await textOf(chunks), { author: 'import', replace })
    context.out(
      `Imported ${result.documents} documents${from} into ${dataset.name} in transaction ${result.transactionId}.${leftOutNotice(result.leftOut)}`,
    )
  }),
  export: withLake(async (lake, args, context) => {
    const file = args.positionals[1]
    if (!file)
      throw new Error(
        'Say where to export: `export FILE.tar.gz.age` (with assets) or `export FILE.ndjson.age`, with --to, --passphrase or --plain',
      )
    const dataset = lake.services.datasets.get(textArg(args, 'dataset') ?? 'production')
    const lock = await backupLock(args, context)
    const counts = await writeExport(dataset, file, { lock, now: new Date() })
    const how = lock === 'plain' ? 'not encrypted: anyone who gets the file can read it' : 'encrypted with age'
    context.out(`Exported ${counts.documents} documents and ${counts.assets} assets of ${dataset.name} to ${file} (${how}).`)
  }),
}
