// The Studio's top bar for the archive: the language switch beside the user menu, and no help menu
// (Sanity's help menu links to its website, community and sales; the archive runs offline).
import type { NavbarProps } from 'sanity'
import { LanguageMenu } from '../locale/index.ts'

const hideOnlineHelp = '[data-testid="button-resources-menu"] { display: none !important; }'

export function ArchiveNavbar(props: NavbarProps) {
  const actions = [
    ...(props.__internal_actions ?? []),
    { name: 'archive-language-topbar', location: 'topbar' as const, render: () => <LanguageMenu /> },
    { name: 'archive-language-sidebar', location: 'sidebar' as const, render: () => <LanguageMenu /> },
  ]
  return (
    <>
      <style>{hideOnlineHelp}</style>
      {props.renderDefault({ ...props, __internal_actions: actions })}
    </>
  )
}
