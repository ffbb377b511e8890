// The lake as a real child process running the CLI (`npm run lake -- …`), for the crash and backup
// tests: a server that can be killed with SIGKILL, and one-shot commands such as export and import.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { openLake } from '../../lake/index.ts'
import { keyFor, testEnv } from './testKey.ts'

const lakeScript = new URL('../../scripts/lake.ts', import.meta.url).pathname

export interface LakeProcess {
  child: ChildProcess
  port: number
  /** SIGKILL, as a power cut would: no shutdown code runs. */
  kill(): Promise<void>
}

export async function startLakeProcess(dataDir: string, env: NodeJS.ProcessEnv = testEnv): Promise<LakeProcess> {
  const child = spawn(process.execPath, [lakeScript, 'serve', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const port = await new Promise<number>((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /localhost:(\d+)/.exec(output)
      if (match) resolve(Number(match[1]))
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`the lake exited with ${code}: ${output}`)))
  })
  return {
    child,
    port,
    async kill() {
      child.kill('SIGKILL')
      await exited
    },
  }
}

/** Runs `npm run lake -- <args>` to its end; the output is what the user would see. */
export async function runLakeCommand(args: string[], env: NodeJS.ProcessEnv = testEnv): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [lakeScript, ...args], { timeout: 60_000, env })
  return stdout
}

/** Runs a command that is expected to fail; its exit code and what it said. */
export function failingLakeCommand(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, [lakeScript, ...args], { timeout: 60_000, env }, (error, stdout, stderr) =>
      resolve({ code: error && typeof error.code === 'number' ? error.code : error ? -1 : 0, output: `${stdout}${stderr}` }),
    ),
  )
}

/** A fresh data folder with the production dataset and an administrator token. */
export function freshDataDir(prefix: string): { dataDir: string; token: string } {
  const dataDir = mkdtempSync(join(tmpdir(), prefix))
  const lake = openLake({ dataDir, key: keyFor(dataDir), log: () => {} })
  lake.services.datasets.ensure('production')
  const { token } = lake.services.tokens.create({ name: 'Hardening test', role: 'administrator', now: new Date() })
  lake.close()
  return { dataDir, token }
}
