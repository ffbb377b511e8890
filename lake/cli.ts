// `npm run lake -- <command>`: serve the lake, manage its tokens and staff accounts, import and
// export datasets (encrypted backups), and its key: rekey, encrypt.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { programmeTimeZoneOf, explainFailure } from '../core/index.ts'
import type { KeyringCost } from './atRest/keyring.ts'
import { keyCommands } from './keyCommands.ts'
import { lakeCommands } from './lakeCommands.ts'
import { askHidden, readPassphrase as readPassphraseFromStdin, type ReadPassphrase } from './passphraseInput.ts'

export const defaultDataDir = resolve(import.meta.dirname, '..', '.lake-data')
export const defaultPort = 4444

export type CliArgs = { positionals: string[]; values: Record<string, string | boolean | string[] | undefined> }

/** What a command reads and writes besides its arguments. */
export interface CliIo {
  out: (line: string) => void
  /** A new passphrase: asked twice at a terminal, else stdin's first line. */
  readPassphrase: ReadPassphrase
  /** A passphrase to open something, typed once at a terminal; null when there is no terminal. */
  ask: ((prompt: string) => Promise<string>) | null
  env: Record<string, string | undefined>
  /** scrypt's cost for new keyrings (tests use a small one). */
  keyringCost?: KeyringCost
}

export interface CliContext extends CliIo {
  dataDir: string
  timeZone: string
}

/** A command; 'keep-open' when it goes on running (serve). */
export type CliCommand = (args: CliArgs, context: CliContext) => Promise<'keep-open' | void>

export const textArg = (args: CliArgs, name: string) => {
  const value = args.values[name]
  return typeof value === 'string' ? value : undefined
}

export async function runLakeCli(
  argv: string[],
  out: (line: string) => void = console.log,
  readPassphrase: ReadPassphrase = readPassphraseFromStdin,
  more: Partial<Pick<CliIo, 'ask' | 'env' | 'keyringCost'>> = {},
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
      to: { type: 'string', multiple: true },
      'recipients-file': { type: 'string' },
      passphrase: { type: 'boolean' },
      plain: { type: 'boolean' },
      identity: { type: 'string' },
      'new-key-file': { type: 'string' },
    },
  })
  const name = positionals[0] ?? ''
  const command = lakeCommands[name] ?? keyCommands[name]
  if (!command) {
    out(
      `Usage: npm run lake -- <${[...Object.keys(lakeCommands), ...Object.keys(keyCommands)].join('|')}> [--data DIR]. For example: npm run lake -- serve --port 4444`,
    )
    return 2
  }
  const env = more.env ?? process.env
  let timeZone: string
  try {
    timeZone = programmeTimeZoneOf(env)
  } catch (error) {
    out(`lake: ${explainFailure(error)}`)
    return 2
  }
  const context: CliContext = {
    out,
    readPassphrase,
    ask: more.ask !== undefined ? more.ask : process.stdin.isTTY ? askHidden : null,
    env,
    ...(more.keyringCost ? { keyringCost: more.keyringCost } : {}),
    dataDir: typeof values.data === 'string' ? resolve(values.data) : defaultDataDir,
    timeZone,
  }
  try {
    await command({ positionals, values }, context)
    return 0
  } catch (error) {
    out(`lake: ${explainFailure(error)}`)
    return 1
  }
}
