// What the live site and its build process say to each other, checked on both sides.
import { z } from 'zod'

const ledgerEntry = z.object({ id: z.string(), slug: z.string() })

export const buildRequest = z.object({
  /** The backend client's settings; the process makes its own client from them. */
  client: z.object({
    projectId: z.string(),
    dataset: z.string(),
    apiHost: z.string(),
    useProjectHostname: z.boolean(),
    apiVersion: z.string(),
    perspective: z.enum(['raw', 'published', 'drafts', 'previewDrafts']),
    token: z.string().optional(),
  }),
  outDir: z.string(),
  today: z.string(),
  ledgerPath: z.string().optional(),
  publishedBefore: z.array(ledgerEntry).readonly().optional(),
  leaveUrl: z.string().optional(),
  siteUrl: z.string().optional(),
  storiesPerPage: z.number().optional(),
  imageHosts: z.array(z.string()).readonly().optional(),
  quiet: z.boolean().optional(),
})
export type BuildRequest = z.infer<typeof buildRequest>
export const clientPerspective = buildRequest.shape.client.shape.perspective

export const siteBuildReport = z.object({
  outDir: z.string(),
  stories: z.number(),
  removed: z.number(),
  published: z.array(ledgerEntry),
  searchRecords: z.number(),
  sitemap: z.array(z.string()),
  problems: z.array(z.string()),
  milliseconds: z.object({ load: z.number(), astro: z.number(), search: z.number(), total: z.number() }),
  peakMegabytes: z.number().optional(),
})

export const buildAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), report: siteBuildReport }),
  z.object({ ok: z.literal(false), message: z.string() }),
])
