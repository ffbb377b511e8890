// An acknowledged transaction survives kill -9, and none is ever half applied.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lakeClient, openLake } from '../../lake/index.ts'

const lakeScript = new URL('../../scripts/lake.ts', import.meta.url).pathname

async function startLakeProcess(dataDir: string) {
  const child = spawn(process.execPath, [lakeScript, 'serve', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
  const port = await new Promise<number>((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /localhost:(\d+)/.exec(output)
      if (match) resolve(Number(match[1]))
    })
    child.once('exit', (code) => reject(new Error(`the lake exited with ${code}: ${output}`)))
  })
  return { child, port }
}

describe('durability', () => {
  it('keeps every acknowledged transaction through kill -9, each whole', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lake-kill-'))
    const setup = openLake({ dataDir })
    const { token } = setup.services.tokens.create({ name: 'Crash test', role: 'administrator', now: new Date() })
    setup.close()

    for (let round = 0; round < 2; round++) {
      const { child, port } = await startLakeProcess(dataDir)
      const client = lakeClient({ port, token })
      const acknowledged: string[] = []
      const writers = Array.from({ length: 4 }, async (_, writer) => {
        for (let i = 0; ; i++) {
          const id = `crash-${round}-${writer}-${i}`
          try {
            await client
              .transaction()
              .create({ _id: `${id}-a`, _type: 'theme' })
              .create({ _id: `${id}-b`, _type: 'theme' })
              .commit({ visibility: 'async' })
            acknowledged.push(id)
          } catch {
            return
          }
        }
      })
      await new Promise((resolve) => setTimeout(resolve, 400))
      child.kill('SIGKILL')
      await Promise.all(writers)
      expect(acknowledged.length).toBeGreaterThan(10)

      const lake = openLake({ dataDir })
      const dataset = lake.services.datasets.get('production')
      for (const id of acknowledged) {
        expect(dataset.get(`${id}-a`)).not.toBeNull()
        expect(dataset.get(`${id}-b`)).not.toBeNull()
      }
      const ids = new Set(dataset.documents().map((d) => d._id))
      for (const id of ids) if (id.endsWith('-a')) expect(ids.has(id.replace(/-a$/, '-b'))).toBe(true)
      lake.close()
    }
  })
})
