// Copies the recordings the consent gate let through into the site, so readers never fetch from the
// backend: each is fetched with the build's token, rebuilt from its MPEG audio frames alone (no tag,
// wherever it was), and served as /media/<sha1>.mp3. Anything else is not published. (Photographs
// reach the site only through Astro's image pipeline, which encodes them anew without metadata.)
import type { SanityClient } from '@sanity/client'
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import type { SiteContent } from '../content/siteContent.ts'
import { untaggedRecording } from './recordingTags.ts'
import { HintedError } from '../../core/index.ts'

export async function copyMedia(content: SiteContent, client: SanityClient, publicDir: string): Promise<SiteContent> {
  const token = client.config().token
  const stories = await Promise.all(
    content.stories.map(async (story) => {
      if (!story.audio) return story
      const response = await fetch(story.audio, token ? { headers: { Authorization: `Bearer ${token}` } } : {})
      if (!response.ok)
        throw new HintedError(
          `The recording of "${story.slug}" could not be fetched (${response.status}).`,
          'check that the build token may read it.',
        )
      const extension = extname(new URL(story.audio).pathname).toLowerCase() || '.mp3'
      const bytes = untaggedRecording(Buffer.from(await response.arrayBuffer()), extension)
      if (!bytes) {
        const { audio, ...withoutAudio } = story
        void audio
        return withoutAudio
      }
      const name = `${createHash('sha1').update(bytes).digest('hex').slice(0, 20)}${extension}`
      mkdirSync(join(publicDir, 'media'), { recursive: true })
      writeFileSync(join(publicDir, 'media', name), bytes)
      return { ...story, audio: `/media/${name}` }
    }),
  )
  return { ...content, stories }
}
