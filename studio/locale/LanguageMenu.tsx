// The language switch in the Studio's top bar, beside the user menu (Sanity 6 no longer shows its
// own): Khmer or English, each named in its own language. The choice is kept in this browser and
// with her account, and the Studio reloads so that the form, its options and its lists are all in
// that language. Signed in on another computer, the Studio turns to her language by itself.
import { useEffect } from 'react'
import { TranslateIcon } from '@sanity/icons/Translate'
import { Button } from '@sanity/ui'
import { Menu, MenuButton, MenuItem } from '@sanity/ui/menu'
import { useKeyValueStore, useLocale } from 'sanity'
import { useArchiveText } from './useArchiveText.ts'
import { isStudioLocaleId, localePreferenceKey, studioLocaleIds } from './preferredLocale.ts'

const ownNames: Record<(typeof studioLocaleIds)[number], string> = { 'en-US': 'English', 'km-KH': 'ខ្មែរ' }

export function LanguageMenu() {
  const { t } = useArchiveText()
  const { currentLocale, changeLocale } = useLocale()
  const store = useKeyValueStore()

  const choose = async (id: (typeof studioLocaleIds)[number], keep: boolean) => {
    if (keep) await store.setKey(localePreferenceKey, id)
    if (id === currentLocale.id) return
    await changeLocale(id)
    window.location.reload()
  }

  // Her account's choice wins over this browser's, once per visit.
  useEffect(() => {
    const subscription = store.getKey(localePreferenceKey).subscribe((value) => {
      if (isStudioLocaleId(value) && value !== currentLocale.id) void choose(value, false)
    })
    return () => subscription.unsubscribe()
  }, [store])

  return (
    <MenuButton
      id="archive-language-menu"
      button={
        <Button
          mode="bleed"
          icon={TranslateIcon}
          text={ownNames[isStudioLocaleId(currentLocale.id) ? currentLocale.id : 'km-KH']}
          title={t('language.choose')}
        />
      }
      menu={
        <Menu>
          {studioLocaleIds.map((id) => (
            <MenuItem
              key={id}
              text={ownNames[id]}
              lang={id.slice(0, 2)}
              pressed={id === currentLocale.id}
              onClick={() => void choose(id, true)}
            />
          ))}
        </Menu>
      }
      popover={{ portal: true, placement: 'bottom-end' }}
    />
  )
}
