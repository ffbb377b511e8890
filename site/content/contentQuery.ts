// The one GROQ query of the build, asking only for what a page may show or the site's check reads:
// public stories (never a testimony or a consent record, which the publisher may not read) and the
// public content.
import { z } from 'zod'
import { ceremony } from './ceremony.ts'
import { glossaryTerm } from './glossaryTerm.ts'
import { lesson } from './lesson.ts'
import { siteSettings } from './siteSettings.ts'
import { supportService } from './supportService.ts'
import { theme } from './theme.ts'
import { publishedOnly } from '../../core/index.ts'

const published = publishedOnly
/** What the site reads of a public story (the live site's check reads the same). */
export const publicStoryFields = '_id, _type, testimonyId, slug, story, recording, consents'

// `$only`: null for every public story, or the testimonies of the few a publication adds (buildIncrement.ts).
export const contentQuery = `{
  "stories": *[_type == "publicStory" && ${published} && ($only == null || testimonyId in $only)] | order(_id){${publicStoryFields}},
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

/** What the query answers; public stories are checked one by one by the consent core. */
export const contentQueryResult = z.object({
  stories: z.array(z.unknown()),
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
