// The read-back sheet as a document action: choose the text and languages, and the sheet opens in
// a new window, ready to print on A4. It is made in the browser from the text as stored now, with the
// archive's name and hotline from its site settings.
import { useState } from 'react'
import { Button, Checkbox, Flex, Radio, Stack, Text } from '@sanity/ui'
import type { DocumentActionComponent } from 'sanity'
import { testimonyDocument, type ApprovedText, type Language } from '../../core/index.ts'
import { useArchiveText } from '../locale/index.ts'
import { readBackParts, readBackSheetHtml } from '../workflow/index.ts'
import { useSheetSource } from './useSheetSource.ts'
import { todayIso } from './useStaff.ts'

export const readBackSheetAction: DocumentActionComponent = (props) => {
  const { t } = useArchiveText()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState<ApprovedText>('full')
  const [languages, setLanguages] = useState<Language[]>(['km', 'en'])
  const [blocked, setBlocked] = useState(false)
  const source = useSheetSource()
  const testimony = testimonyDocument.safeParse(props.draft ?? props.published)
  if (!testimony.success) return { label: t('action.readBack'), disabled: true, title: t('publish.incomplete') }
  const available = readBackParts(testimony.data).map((p) => p.part)
  const toggle = (language: Language) =>
    setLanguages((current) => (current.includes(language) ? current.filter((l) => l !== language) : [...current, language]))
  const openSheet = () => {
    const sheet = window.open('', '_blank')
    if (!sheet) return setBlocked(true)
    sheet.document.write(readBackSheetHtml({ testimony: testimony.data, text, languages, printedOn: todayIso(), source }))
    sheet.document.close()
    setOpen(false)
  }
  return {
    label: t('action.readBack'),
    onHandle: () => setOpen(true),
    dialog: open && {
      type: 'dialog',
      header: t('action.readBack.header'),
      onClose: () => setOpen(false),
      content: (
        <Stack gap={4}>
          <Text weight="semibold">{t('action.readBack.which')}</Text>
          {(['full', 'public'] as const).map((which) => (
            <Flex key={which} as="label" gap={2} align="center">
              <Radio name="read-back-text" value={which} checked={text === which} onChange={() => setText(which)} />
              <Text>{t(which === 'full' ? 'action.readBack.full' : 'action.readBack.public')}</Text>
            </Flex>
          ))}
          <Text weight="semibold">{t('action.readBack.languages')}</Text>
          {(['km', 'en'] as const).map((language) => (
            <Flex key={language} as="label" gap={2} align="center">
              <Checkbox
                checked={languages.includes(language)}
                disabled={!available.includes(`${text}.${language}`)}
                onChange={() => toggle(language)}
              />
              <Text>{t(`language.${language}`)}</Text>
            </Flex>
          ))}
          {blocked && <Text>{t('action.readBack.popupBlocked')}</Text>}
          <Button
            text={t('action.readBack.open')}
            tone="primary"
            disabled={!languages.some((l) => available.includes(`${text}.${l}`))}
            onClick={openSheet}
          />
        </Stack>
      ),
    },
  }
}
readBackSheetAction.displayName = 'ReadBackSheetAction'
