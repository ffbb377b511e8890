// Datasets through Sanity's own client and the lake's command line: an administrator lists, creates,
// edits and deletes them; other roles may list only; every dataset stays private; every hint names a
// command that exists.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runLakeCli } from '../../lake/cli.ts'
import { startLake, type LakeHarness } from './lakeHarness.ts'
import { testCli } from './testKey.ts'

let harness: LakeHarness
beforeAll(async () => {
  harness = await startLake()
})
afterAll(() => harness.stop())

async function run(...argv: string[]) {
  const lines: string[] = []
  // The tests' passphrase: with no key configured, the command would make a .lake-key beside the folder.
  const code = await runLakeCli(
    argv,
    (line) => lines.push(line),
    () => Promise.reject(new Error('no prompt in tests')),
    testCli,
  )
  return { code, text: lines.join('\n') }
}

describe('the dataset API', () => {
  it('creates, lists, edits and deletes datasets through @sanity/client, for administrators', async () => {
    const admin = harness.client('administrator')
    expect(await admin.datasets.create('training', { aclMode: 'private' })).toEqual({ datasetName: 'training', aclMode: 'private' })
    expect(await admin.datasets.list()).toEqual([
      { name: 'production', aclMode: 'private' },
      { name: 'training', aclMode: 'private' },
    ])
    await expect(admin.datasets.create('training')).rejects.toMatchObject({ statusCode: 409 })
    await expect(admin.datasets.edit('training', { aclMode: 'public' })).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('keeps every dataset private'),
    })
    const training = admin.withConfig({ dataset: 'training' })
    await training.create({ _id: 'theme-training', _type: 'theme', title: { en: 'For practice' } })
    expect(await training.fetch('count(*)')).toBe(1)
    expect(await admin.datasets.delete('training')).toEqual({ deleted: true })
    await expect(training.fetch('count(*)')).rejects.toMatchObject({
      statusCode: 404,
      message: expect.stringContaining('npm run lake -- dataset create training'),
    })
  })

  it('lets other roles list datasets but not change them', async () => {
    const supervisor = harness.client('supervisor')
    expect((await supervisor.datasets.list()).map((d) => d.name)).toContain('production')
    await expect(supervisor.datasets.create('mine')).rejects.toMatchObject({ statusCode: 403 })
    await expect(harness.client('therapist').datasets.delete('production')).rejects.toMatchObject({ statusCode: 403 })
  })
})

describe('npm run lake -- dataset', () => {
  it('creates, lists and, only when told --yes, deletes a dataset', async () => {
    const data = mkdtempSync(join(tmpdir(), 'lake-dataset-cli-'))
    expect((await run('dataset', 'create', 'archive-copy', '--data', data)).text).toContain('Created dataset archive-copy')
    expect((await run('dataset', 'list', '--data', data)).text).toContain('archive-copy  (0 documents)')
    const refused = await run('dataset', 'delete', 'archive-copy', '--data', data)
    expect(refused.code).toBe(1)
    expect(refused.text).toContain('--yes')
    expect((await run('dataset', 'delete', 'archive-copy', '--yes', '--data', data)).text).toContain('Deleted dataset archive-copy')
    expect((await run('dataset', 'list', '--data', data)).text).not.toContain('archive-copy')
  })
})
