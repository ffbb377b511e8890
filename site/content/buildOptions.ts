// Choices of the build that pages need besides the content, handed over like the content itself.
import { z } from 'zod'

export const buildOptions = z.strictObject({
  /** Where "leave this site" goes: a neutral, well-known page, replacing this one in the history. */
  leaveUrl: z.url(),
  /** The public address of the site, for the sitemap and printed pages. */
  siteUrl: z.url(),
  /** How many story cards a list page holds. */
  storiesPerPage: z.number().int().min(1).max(500),
})
export type BuildOptions = z.infer<typeof buildOptions>

export const defaultBuildOptions: BuildOptions = {
  leaveUrl: 'https://www.google.com/search?q=weather',
  siteUrl: 'http://localhost:4321/',
  storiesPerPage: 24,
}

const slot = Symbol.for('testimony-archive.buildOptions')

export function provideBuildOptions(options: BuildOptions): void {
  Reflect.set(globalThis, slot, buildOptions.parse(options))
}

export function leaveUrl(): string {
  const parsed = buildOptions.safeParse(Reflect.get(globalThis, slot))
  return parsed.success ? parsed.data.leaveUrl : defaultBuildOptions.leaveUrl
}

/** The public address of a page of the site, from its path (printed at the foot of a printed page). */
export function publicAddress(pathname: string): string {
  const parsed = buildOptions.safeParse(Reflect.get(globalThis, slot))
  return new URL(pathname, parsed.success ? parsed.data.siteUrl : defaultBuildOptions.siteUrl).href
}

export function storiesPerPage(): number {
  const parsed = buildOptions.safeParse(Reflect.get(globalThis, slot))
  return parsed.success ? parsed.data.storiesPerPage : defaultBuildOptions.storiesPerPage
}
