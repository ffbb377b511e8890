// The public story stored now for a testimony, read just before an action rewrites it (publish,
// withdraw, record an approval): its address is kept when the story is no longer public.
import type { SanityClient } from 'sanity'
import { publicStoryIdOf } from '../../core/index.ts'

export async function storedPublicStory(client: SanityClient, testimonyId: string): Promise<Record<string, unknown> | null> {
  return (await client.getDocument(publicStoryIdOf(testimonyId))) ?? null
}
