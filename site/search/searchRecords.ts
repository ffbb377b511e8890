// What the search index holds, one record per page and language, built from the gated content only:
// public stories, lessons, themes and the glossary. A removed story has no record.
import { blocksToPlainText, type Language } from '../../core/index.ts'
import type { SiteContent } from '../content/siteContent.ts'
import { inLanguage } from '../i18n/localised.ts'
import { routes, siteLanguages } from '../i18n/routes.ts'

export interface SearchRecord {
  url: string
  language: Language
  title: string
  text: string
  /** The story whose page this is, for a story's record. */
  story?: string
}

export function searchRecords(content: SiteContent): SearchRecord[] {
  const records: SearchRecord[] = []
  for (const language of siteLanguages) {
    for (const story of content.stories) {
      const text = story.languages[language]
      if (!text) continue
      const body = blocksToPlainText(text.body)
      records.push({
        url: routes.story(language, story.slug),
        language,
        title: text.title,
        text: [text.byline, body, text.hopes ?? ''].join('\n'),
        story: story.slug,
      })
    }
    for (const lesson of content.lessons) {
      const title = lesson.title[language]
      if (!title) continue
      const parts = [...(lesson.objectives?.[language] ?? []), ...(lesson.questions?.[language] ?? []), lesson.today?.[language] ?? '']
      records.push({ url: routes.lesson(language, lesson.slug), language, title, text: parts.join('\n') })
    }
    for (const theme of content.themes) {
      const title = theme.title[language]
      if (title) records.push({ url: routes.theme(language, theme.slug), language, title, text: theme.description?.[language] ?? '' })
    }
    const terms = content.glossary.flatMap((entry) => {
      const term = inLanguage(entry.term, language)
      const definition = entry.definition[language]
      return term && term.lang === language && definition ? [`${term.text}: ${definition}`] : []
    })
    if (terms.length > 0) records.push({ url: routes.glossary(language), language, title: glossaryTitle[language], text: terms.join('\n') })
  }
  return records
}

const glossaryTitle: Record<Language, string> = { km: 'សទ្ទានុក្រម', en: 'Glossary' }
