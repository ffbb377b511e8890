// A real @sanity/client for a lake served on this machine. Node's fetch does not resolve
// `*.localhost`, so Node callers use the plain host (`useProjectHostname: false`); browsers use the
// project host, and the lake answers both.
import { createClient, type ClientPerspective, type SanityClient } from '@sanity/client'
import { apiVersion } from '../core/index.ts'

/** The project id the lake answers to unless it is told another. */
export const defaultProjectId = 'local'

export interface LakeClientOptions {
  port: number
  token?: string
  dataset?: string
  perspective?: ClientPerspective
}

export function lakeClient(options: LakeClientOptions): SanityClient {
  return createClient({
    projectId: defaultProjectId,
    dataset: options.dataset ?? 'production',
    apiHost: `http://127.0.0.1:${options.port}`,
    useProjectHostname: false,
    apiVersion,
    useCdn: false,
    perspective: options.perspective ?? 'raw',
    ...(options.token ? { token: options.token } : {}),
  })
}
