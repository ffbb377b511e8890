// The form's field frame, showing a field's title and description in the user's language. Sanity
// has no translation key for schema field titles, so they are looked up by their English words.
import type { FieldProps } from 'sanity'
import { useCurrentLocale } from 'sanity'
import { interfaceLanguage } from './archiveText.ts'
import { khmerFieldTitles } from './khmerFieldTitles.ts'

const inKhmer = (text: string | undefined) => (text === undefined ? undefined : (khmerFieldTitles[text] ?? text))

export function TranslatedField(props: FieldProps) {
  const locale = useCurrentLocale()
  if (interfaceLanguage(locale.id) !== 'km') return props.renderDefault(props)
  return props.renderDefault({ ...props, title: inKhmer(props.title), description: inKhmer(props.description) })
}
