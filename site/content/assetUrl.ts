// The address of an asset from its reference, as Sanity's CDN and the lake both serve it; the build
// token may not read asset documents themselves (their file names could be private).
import type { SanityClient } from '@sanity/client'

export function assetUrl(client: SanityClient, ref: string): string | null {
  const config = client.config()
  const apiHost = config.apiHost ?? 'https://api.sanity.io'
  const base = /(^|\.)api\.sanity\.io$/.test(new URL(apiHost).hostname) ? 'https://cdn.sanity.io' : apiHost.replace(/\/+$/, '')
  const place = `${config.projectId}/${config.dataset}`
  const file = /^file-([0-9a-f]+)-([a-z0-9]+)$/.exec(ref)
  if (file) return `${base}/files/${place}/${file[1]}.${file[2]}`
  const image = /^image-([0-9a-f]+)-(\d+x\d+)-([a-z0-9]+)$/.exec(ref)
  if (image) return `${base}/images/${place}/${image[1]}-${image[2]}.${image[3]}`
  return null
}
