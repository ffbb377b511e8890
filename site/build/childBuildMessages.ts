// What the live site and its build process say to each other, checked on both sides.
import { z } from 'zod'
import { ledgerEntry } from '../content/publicationLedger.ts'

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
  workDir: z.string().optional(),
  /** A publication's increment of these testimonies (buildIncrement.ts) instead of the whole site. */
  only: z.array(z.string()).readonly().optional(),
})
export type BuildRequest = z.infer<typeof buildRequest>
export const clientPerspective = buildRequest.shape.client.shape.perspective

export const buildAnswer = z.discriminatedUnion('ok', [
  // The report of the build asked for: checked by the asker against what it asked (siteBuildReport, incrementReport).
  z.object({ ok: z.literal(true), report: z.unknown() }),
  z.object({ ok: z.literal(false), message: z.string(), hint: z.string().optional() }),
])
