// The lint holds the house together: an import across the layers and a floating or misused promise
// fail `npm run lint` (eslint.config.js).
import { join } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
// The layer rules read no types: without the type checker a snippet lints in milliseconds.
const layersOnly = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked })
const typeAware = new ESLint({ cwd: root })

/** The messages ESLint gives a snippet as if it were the file at `path` (which need not exist). */
async function lint(eslint: ESLint, path: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) })
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`)
}

/** The one message of an import the layers refuse (not a parse error or an unresolved import). */
const refused = [expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: /)]

const importOf = (from: string) => `import { value } from '${from}'\nexport const copy = value\n`

describe('the layers', () => {
  it('refuses an import of the lake inside the site, at any depth', async () => {
    expect(await lint(layersOnly, 'site/x.ts', importOf('../lake/index.ts'))).toEqual([
      expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: .*site\/ imports only core\/, schemas\/, wire\//),
    ])
    expect(await lint(layersOnly, 'site/live/x.ts', importOf('../../lake/lake.ts'))).toEqual(refused)
  })

  it('refuses any import of the project inside core', async () => {
    expect(await lint(layersOnly, 'core/x.ts', importOf('../lake/index.ts'))).toEqual([
      expect.stringMatching(/core\/ imports nothing of the project/),
    ])
    expect(await lint(layersOnly, 'core/x.ts', importOf('../schemas/index.ts'))).toEqual(refused)
  })

  it('keeps the lake, the Studio and the site apart', async () => {
    expect(await lint(layersOnly, 'lake/http/x.ts', importOf('../../site/index.ts'))).toEqual(refused)
    expect(await lint(layersOnly, 'studio/x.tsx', importOf('../lake/index.ts'))).toEqual(refused)
    expect(await lint(layersOnly, 'studio/actions/x.ts', importOf('../../site/index.ts'))).toEqual(refused)
    expect(await lint(layersOnly, 'seed/x.ts', importOf('../lake/index.ts'))).toEqual(refused)
  })

  it('lets a layer import its own files, what it builds on, and lets scripts compose', async () => {
    expect(await lint(layersOnly, 'site/live/x.ts', importOf('../build/buildSite.ts'))).toEqual([])
    expect(await lint(layersOnly, 'site/live/x.ts', importOf('../../core/index.ts'))).toEqual([])
    expect(await lint(layersOnly, 'site/x.ts', importOf('../wire/index.ts'))).toEqual([])
    expect(await lint(layersOnly, 'schemas/objects/x.ts', importOf('../../core/index.ts'))).toEqual([])
    expect(await lint(layersOnly, 'scripts/x.ts', importOf('../lake/index.ts'))).toEqual([])
  })
})

describe('promises', () => {
  // A file at the root outside tsconfig.json's folders lints in a project of its own (eslint.config.js,
  // allowDefaultProject); the first one waits while the project service reads tsconfig.json's program.
  const save = 'async function save(): Promise<void> {}\n'

  it('reports a promise nobody awaits', async () => {
    expect(await lint(typeAware, 'lint-snippet.ts', `${save}save()\n`)).toEqual([
      expect.stringMatching(/^@typescript-eslint\/no-floating-promises: /),
    ])
  }, 60_000)

  it('reports a promise used as a condition', async () => {
    expect(await lint(typeAware, 'lint-snippet.ts', `${save}if (save()) console.log('saved')\n`)).toEqual([
      expect.stringMatching(/^@typescript-eslint\/no-misused-promises: /),
    ])
  }, 60_000) // run alone, it waits for the project service as the first does
})
