// Which content backend the Studio talks to: the local lake unless a hosted project is configured.
// Only configuration differs between the two; no code path does.
export interface StudioBackend {
  projectId: string
  dataset: string
  apiHost: string | null
  local: boolean
}

export const localLakeHost = 'http://localhost:4444'

export function studioBackend(env: Record<string, string | boolean | undefined>): StudioBackend {
  const text = (name: string) => {
    const value = env[name]
    return typeof value === 'string' && value !== '' ? value : undefined
  }
  const projectId = text('SANITY_STUDIO_PROJECT_ID')
  const dataset = text('SANITY_STUDIO_DATASET') ?? 'production'
  if (projectId) return { projectId, dataset, apiHost: null, local: false }
  return { projectId: 'local', dataset, apiHost: text('SANITY_STUDIO_LAKE_URL') ?? localLakeHost, local: true }
}
