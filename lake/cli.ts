// `npm run lake -- <command>`: serve the lake, manage its tokens and staff accounts, import and
// export datasets.
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { programmeTimeZoneOf } from '../core/index.ts'
import { roles } from './auth/roles.ts'
import { LakeError } from './errors.ts'
import { openLake, type Lake } from './lake.ts'
import { readPassphrase as readPassphraseFromStdin, type ReadPassphrase } from './passphraseInput.ts'
import { serveLake } from './serveLake.ts'
import { exportDocuments, importDocuments, leftOutNotice } from './transfer.ts'
import { exportArchive, importArchive, isArchiveFile } from './transferArchive.ts'
import { userCommand } from './userCommand.ts'

export const defaultDataDir = resolve(import.meta.dirname, '..', '.lake-data')
export const defaultPort = 4444

type Args = { positionals: string[]; values: Record<string, string | boolean | undefined> }
type Command = (lake: Lake, args: Args, out: (line: string) => void, readPassphrase: ReadPassphrase) => Promise<'keep-open' | void>

const text = (args: Args, name: string) => {
  const value = args.values[name]
  return typeof value === 'string' ? value : undefined
}
const required = (args: Args, name: string, hint: string) => {
  const value = text(args, name)
  if (!value) throw new Error(`--${name} is required: ${hint}`)
  return value
}

const commands: Record<string, Command> = {
  async serve(lake, args, out) {
    const port = Number(text(args, 'port') ?? defaultPort)
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port ${text(args, 'port')} is not a port number; use 1–65535`)
    lake.services.datasets.ensure(text(args, 'dataset') ?? 'production')
    const server = await serveLake(lake, port, text(args, 'host') ?? '127.0.0.1')
    out(`The lake is serving http://localhost:${server.port} (data in ${text(args, 'data') ?? defaultDataDir}). Ctrl-C stops it.`)
    const stop = async () => {
      await server.close()
      lake.close()
      process.exit(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    return 'keep-open'
  },
  async token(lake, args, out) {
    const [, action, id] = args.positionals
    const tokens = lake.services.tokens
    if (action === 'create') {
      const role = required(args, 'role', `one of ${roles.join(', ')}`)
      const name = required(args, 'name', 'the person or program that will use it, e.g. --name "Sophea"')
      const { token, info } = tokens.create({ name, role, userId: text(args, 'user'), now: new Date() })
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
  },
  async user(lake, args, out, readPassphrase) {
    const [, action, id] = args.positionals
    const input = { action, id, user: text(args, 'user'), name: text(args, 'name'), role: text(args, 'role') }
    await userCommand(lake.services.staff, input, out, readPassphrase)
  },
  async dataset(lake, args, out) {
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
  },
  async import(lake, args, out) {
    const file = args.positionals[1]
    if (!file) throw new Error('Say which file to import: `import FILE.ndjson` or `import FILE.tar.gz`')
    const dataset = lake.services.datasets.ensure(text(args, 'dataset') ?? 'production')
    const replace = args.values.replace === true
    if (isArchiveFile(file)) {
      const place = { projectId: lake.services.projectId, dataset: dataset.name, origin: `http://localhost:${defaultPort}` }
      const result = await importArchive(dataset, file, { author: 'import', replace, place })
      out(
        `Imported ${result.documents} documents and ${result.assets} assets into ${dataset.name} in transaction ${result.transactionId}.${leftOutNotice(result.leftOut)}`,
      )
      return
    }
    const result = importDocuments(dataset, await readFile(file, 'utf8'), { author: 'import', replace })
    out(
      `Imported ${result.documents} documents into ${dataset.name} in transaction ${result.transactionId}.${leftOutNotice(result.leftOut)}`,
    )
  },
  async export(lake, args, out) {
    const file = args.positionals[1]
    if (!file) throw new Error('Say where to export: `export FILE.tar.gz` (with assets) or `export FILE.ndjson`')
    const dataset = lake.services.datasets.get(text(args, 'dataset') ?? 'production')
    if (isArchiveFile(file)) {
      const result = await exportArchive(dataset, file, new Date())
      out(`Exported ${result.documents} documents and ${result.assets} assets of ${dataset.name} to ${file}.`)
      return
    }
    await writeFile(file, exportDocuments(dataset))
    out(`Exported ${dataset.documents().length} documents of ${dataset.name} to ${file}.`)
  },
}

export async function runLakeCli(
  argv: string[],
  out: (line: string) => void = console.log,
  readPassphrase: ReadPassphrase = readPassphraseFromStdin,
): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      dataset: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      user: { type: 'string' },
      replace: { type: 'boolean' },
      yes: { type: 'boolean' },
      cors: { type: 'string' },
    },
  })
  const command = commands[positionals[0] ?? '']
  if (!command) {
    out(`Usage: npm run lake -- <${Object.keys(commands).join('|')}> [--data DIR]. For example: npm run lake -- serve --port 4444`)
    return 2
  }
  // Browser origins allowed to call the lake (the Studio's, the site's in development), comma-separated.
  const cors = typeof values.cors === 'string' ? values.cors : process.env.LAKE_CORS_ORIGINS
  let timeZone: string
  try {
    timeZone = programmeTimeZoneOf(process.env)
  } catch (error) {
    out(`lake: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  const lake = openLake({
    timeZone,
    dataDir: typeof values.data === 'string' ? resolve(values.data) : defaultDataDir,
    ...(cors
      ? {
          corsOrigins: cors
            .split(',')
            .map((origin) => origin.trim())
            .filter(Boolean),
        }
      : {}),
  })
  try {
    const outcome = await command(lake, { positionals, values }, out, readPassphrase)
    if (outcome === 'keep-open') return 0
    lake.close()
    return 0
  } catch (error) {
    lake.close()
    out(`lake: ${error instanceof LakeError || error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}
