// The datasets of one lake: a folder each under the data folder, opened on first use.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { AssetStore } from './assets/assetStore.ts'
import { assetCodecFor } from './atRest/assetCodec.ts'
import type { FolderKey } from './atRest/dataKey.ts'
import { Dataset, type Clock } from './dataset.ts'
import { badRequest, conflict, notFound } from './errors.ts'
import { datasetNamePattern } from './limits.ts'
import { DatasetStore } from './store/datasetStore.ts'

export class LakeDatasets {
  readonly #dataDir: string
  readonly #clock: Clock
  readonly #key: FolderKey
  readonly #open = new Map<string, Dataset>()

  constructor(dataDir: string, clock: Clock, key: FolderKey) {
    this.#dataDir = dataDir
    this.#clock = clock
    this.#key = key
    mkdirSync(join(dataDir, 'datasets'), { recursive: true })
  }

  /** An existing dataset; a 404 in Sanity's words if there is none of that name. */
  get(name: string): Dataset {
    const open = this.#open.get(name)
    if (open) return open
    if (!datasetNamePattern.test(name)) throw badRequest(`Dataset name "${name}" is not valid: use lower-case letters, digits, "_" and "-"`)
    const folder = join(this.#dataDir, 'datasets', name)
    if (!existsSync(folder))
      throw notFound(`Dataset "${name}" not found; create it with \`npm run lake -- dataset create ${name}\` or import into it`)
    return this.#openDataset(name, folder)
  }

  /** The datasets there are, by name. */
  names(): string[] {
    return readdirSync(join(this.#dataDir, 'datasets'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && datasetNamePattern.test(entry.name))
      .map((entry) => entry.name)
      .sort()
  }

  /** Creates a new, empty dataset; a 409 when one of that name exists. */
  create(name: string): Dataset {
    if (datasetNamePattern.test(name) && existsSync(join(this.#dataDir, 'datasets', name)))
      throw conflict(`Dataset "${name}" exists already; choose another name, or import into it`)
    return this.ensure(name)
  }

  /** Deletes a dataset with its documents, history and files. */
  delete(name: string): void {
    const dataset = this.get(name)
    dataset.close()
    this.#open.delete(name)
    rmSync(join(this.#dataDir, 'datasets', name), { recursive: true, force: true })
  }

  /** Creates the dataset if needed and opens it. */
  ensure(name: string): Dataset {
    if (!datasetNamePattern.test(name)) throw badRequest(`Dataset name "${name}" is not valid: use lower-case letters, digits, "_" and "-"`)
    const folder = join(this.#dataDir, 'datasets', name)
    mkdirSync(folder, { recursive: true })
    return this.#open.get(name) ?? this.#openDataset(name, folder)
  }

  #openDataset(name: string, folder: string): Dataset {
    const dataset = new Dataset(
      name,
      new DatasetStore(join(folder, 'documents.sqlite'), this.#key),
      new AssetStore(join(folder, 'assets'), assetCodecFor(this.#key)),
      this.#clock,
    )
    // A dataset written before there were public stories gets them, once, as the lake derives them.
    dataset.addMissingPublicStories('lake')
    this.#open.set(name, dataset)
    return dataset
  }

  close(): void {
    for (const dataset of this.#open.values()) dataset.close()
    this.#open.clear()
  }
}
