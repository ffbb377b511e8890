// Where the site build reads from: hosted Sanity when SANITY_PROJECT_ID is set, else the local lake.
// The environment is checked with zod, and either way the token must be a read-only publisher's.
import { createClient, type SanityClient } from '@sanity/client'
import { z } from 'zod'
import { programmeTimeZone, apiVersion, calendarDay, HintedError, parseOrExplain } from '../core/index.ts'
import { lakeClient } from '../wire/index.ts'

export const siteEnvironment = z.object({
  SANITY_PROJECT_ID: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'a Sanity project id')
    .optional(),
  SANITY_DATASET: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default('production'),
  SANITY_TOKEN: z.string().min(1).optional(),
  SANITY_API_VERSION: z.string().default(apiVersion),
  LAKE_URL: z.url().default('http://localhost:4444'),
  LAKE_TOKEN: z.string().min(1).optional(),
  /** The public address of the site, for the sitemap. */
  SITE_URL: z.url().optional(),
  /** Where "leave this site" goes. */
  LEAVE_URL: z.url().optional(),
  /** The programme's time zone, in which today is reckoned (default Asia/Phnom_Penh). */
  PROGRAMME_TIME_ZONE: programmeTimeZone,
  /** Today as YYYY-MM-DD, to rebuild as of a given day; default: the programme's day now. */
  SITE_TODAY: calendarDay.optional(),
})
export type SiteEnvironment = z.infer<typeof siteEnvironment>

export function readSiteEnvironment(env: Record<string, string | undefined>): SiteEnvironment {
  return parseOrExplain(
    siteEnvironment,
    env,
    "the site's environment",
    'see README.md, "The public site", for SANITY_PROJECT_ID, SANITY_DATASET, SANITY_TOKEN, LAKE_URL and LAKE_TOKEN.',
  )
}

export type SiteBackend = { kind: 'sanity'; client: SanityClient } | { kind: 'lake'; url: string; client: SanityClient | null }

/** The client for the configured backend; on the lake without LAKE_TOKEN, null (the caller mints one). */
export function siteBackend(env: SiteEnvironment): SiteBackend {
  if (env.SANITY_PROJECT_ID) {
    if (!env.SANITY_TOKEN) {
      throw new HintedError(
        'SANITY_PROJECT_ID is set but SANITY_TOKEN is not.',
        'the build needs a read-only token of a custom publisher role that reads published public stories and public content (README, "The public story").',
      )
    }
    const client = createClient({
      projectId: env.SANITY_PROJECT_ID,
      dataset: env.SANITY_DATASET,
      token: env.SANITY_TOKEN,
      apiVersion: env.SANITY_API_VERSION,
      useCdn: false,
      perspective: 'published',
    })
    return { kind: 'sanity', client }
  }
  const url = new URL(env.LAKE_URL)
  const port = Number(url.port || 80)
  return {
    kind: 'lake',
    url: env.LAKE_URL,
    client: env.LAKE_TOKEN ? lakeClient({ port, token: env.LAKE_TOKEN, perspective: 'published' }) : null,
  }
}
