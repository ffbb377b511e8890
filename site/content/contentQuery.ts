// The GROQ queries of the build, asking only for what a page may show or the site's check reads:
// public stories (never a testimony or a consent record, which the publisher may not read) and the
// public content. Stories are read by id, a page at a time: one answer of every story (about 370 MB
// at 20,000) held the process that serves the lake for seconds, and the live site with it.
import { z } from 'zod'
import { ceremony } from './ceremony.ts'
import { glossaryTerm } from './glossaryTerm.ts'
import { lesson } from './lesson.ts'
import { siteSettings } from './siteSettings.ts'
import { supportService } from './supportService.ts'
import { theme } from './theme.ts'
import { publishedOnly } from '../../core/index.ts'

const published = publishedOnly
/** What the site reads of a public story (the live site's check reads the same, through publicStoryReads.ts). */
const publicStoryFields = '_id, _type, testimonyId, slug, story, recording, consents'

/** The ids of every public story, in `_id` order: small, whatever the archive's size. */
export const storyIdsQuery = `*[_type == "publicStory" && ${published}] | order(_id)._id`

/** The public stories of these ids (`$ids`), so that the backend reads only those (lake/query/narrowing.ts). */
export const storiesByIdQuery = `*[_type == "publicStory" && _id in $ids && ${published}] | order(_id){${publicStoryFields}}`

/** How many stories one answer holds at most. */
export const storiesPerAnswer = 250

/** The rest of the public content, small: one answer. */
export const contentQuery = `{
  "settings": *[_type == "siteSettings" && ${published}][0]{title, tagline, about, "hotline": hotline._ref, sampleNotice},
  "services": *[_type == "supportService" && ${published}] | order(_id){"id": _id, name, kind, phone, hours, description},
  "themes": *[_type == "theme" && ${published}] | order(_id){"id": _id, "slug": slug.current, title, description},
  "ceremonies": *[_type == "ceremony" && ${published}] | order(date desc){
    "id": _id, date, placeKind, place, participants, description,
    "photo": select(defined(photo.asset) => {"ref": photo.asset._ref, "alt": photo.alt})
  },
  "lessons": *[_type == "lesson" && ${published}] | order(_id){
    "id": _id, "slug": slug.current, title, audience, objectives, questions, today,
    "themes": coalesce(themes[]._ref, []), "testimonies": coalesce(testimonies[]._ref, [])
  },
  "glossary": *[_type == "glossaryTerm" && ${published}] | order(term.en){"id": _id, term, definition}
}`

export const storyIdsResult = z.array(z.string())
/** Public stories are checked one by one by the consent core. */
export const storiesResult = z.array(z.unknown())

/** What the content query answers. */
export const contentQueryResult = z.object({
  settings: siteSettings.nullable(),
  services: z.array(supportService),
  themes: z.array(theme),
  ceremonies: z.array(
    ceremony
      .omit({ photo: true })
      .extend({ photo: z.object({ ref: z.string(), alt: ceremony.shape.photo.unwrap().unwrap().shape.alt }).nullish() }),
  ),
  lessons: z.array(lesson.omit({ stories: true }).extend({ testimonies: z.array(z.string()) })),
  glossary: z.array(glossaryTerm),
})
export type ContentQueryResult = z.infer<typeof contentQueryResult>
