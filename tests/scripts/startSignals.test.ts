// `npm start` under a service manager: SIGTERM or SIGINT sent to npm's own process (not its group,
// as systemd or `docker stop` send it) stops the lake, the Studio and the site within ten seconds,
// frees their ports, and keeps a write made just before. No key is configured: npm start opens the
// data with the `.lake-key` beside the data folder, as after the first start on a fresh machine.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { freePort } from './freePort.ts'
import { makeKeyFile, readKeyFile } from '../../lake/atRest/keyFile.ts'
import { unlockKeyring } from '../../lake/atRest/keyring.ts'
import { createKeyring, openLake } from '../../lake/index.ts'
import { lakeClient } from '../../wire/index.ts'
import { testCost } from '../lake/testKey.ts'

const projectRoot = new URL('../..', import.meta.url).pathname

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

async function startAndStop(signal: 'SIGTERM' | 'SIGINT', dataDir: string, token: string, id: string) {
  const ports = { LAKE_PORT: await freePort(), STUDIO_PORT: await freePort(), SITE_PORT: await freePort() }
  const { LAKE_PASSPHRASE: _passphrase, LAKE_KEY_FILE: _keyFile, ...noKey } = process.env
  const npm = spawn('npm', ['start'], {
    cwd: projectRoot,
    env: { ...noKey, LAKE_DATA: dataDir, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)))
  await new Promise<void>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('sends nothing out')) resolve()
    }
    npm.stdout.on('data', look)
    npm.stderr.on('data', look)
    void exited.then(() => reject(new Error(`npm start ended before it was up:\n${output}`)))
  })
  const client = lakeClient({ port: ports.LAKE_PORT, token })
  await client.create({ _id: id, _type: 'theme', title: { en: `Written just before ${signal}` } })

  const sent = Date.now()
  npm.kill(signal)
  await exited
  const seconds = (Date.now() - sent) / 1000
  expect(seconds, output).toBeLessThan(10)
  expect(output).toContain('Stopping')
  for (const port of Object.values(ports)) expect(await portOpen(port)).toBe(false)
}

describe('npm start under a service manager', () => {
  it('stops cleanly within ten seconds of SIGTERM or SIGINT sent to its process alone, losing nothing', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'start-signals-')), 'data')
    const key = createKeyring(dataDir, makeKeyFile(join(dirname(dataDir), '.lake-key')), testCost)
    const admin = openLake({ dataDir, key, log: () => {} })
    admin.services.datasets.ensure('production')
    const { token } = admin.services.tokens.create({ name: 'Signal test', role: 'administrator', now: new Date() })
    admin.close()
    await startAndStop('SIGTERM', dataDir, token, 'theme-before-sigterm')
    await startAndStop('SIGINT', dataDir, token, 'theme-before-sigint')

    const lake = openLake({ dataDir, key: unlockKeyring(dataDir, readKeyFile(join(dirname(dataDir), '.lake-key'))), log: () => {} })
    const dataset = lake.services.datasets.get('production')
    expect(dataset.get('theme-before-sigterm')?.title).toEqual({ en: 'Written just before SIGTERM' })
    expect(dataset.get('theme-before-sigint')?.title).toEqual({ en: 'Written just before SIGINT' })
    expect(dataset.documents().length).toBeGreaterThan(70)
    lake.close()
  }, 180_000)
})
