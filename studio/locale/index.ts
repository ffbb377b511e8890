// The Studio in Khmer and English: this project's words, the Khmer locale for Sanity's own
// interface, the schema in the user's language, and the language switch.
export { archiveText, interfaceLanguage, khmerLocaleId, type ArchiveT, type InterfaceLanguage } from './archiveText.ts'
export type { ArchiveTextKey } from './englishText.ts'
export { useArchiveText } from './useArchiveText.ts'
export { khmerStudioLocale, archiveSchemaText } from './khmerStudioLocale.ts'
export { localisedSchemaTypes, schemaWords } from './localisedSchema.ts'
export { khmerSchemaText } from './khmerSchemaText.ts'
export { browserStorage, englishLocaleId, localeStorageKey, openingLanguage, workspaceName } from './preferredLocale.ts'
export { LanguageMenu } from './LanguageMenu.tsx'
export { describeApprovalProblem } from './approvalProblemText.ts'
