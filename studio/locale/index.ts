// The Studio in Khmer and English: this project's words, the Khmer locale for Sanity's own
// interface, and Khmer field titles in the form.
export { archiveText, interfaceLanguage, type ArchiveT, type InterfaceLanguage } from './archiveText.ts'
export type { ArchiveTextKey } from './englishText.ts'
export { useArchiveText } from './useArchiveText.ts'
export { khmerStudioLocale, archiveSchemaText } from './khmerStudioLocale.ts'
export { TranslatedField } from './TranslatedField.tsx'
export { describeApprovalProblem } from './approvalProblemText.ts'
