// Every Sanity schema type of the archive, in the order the Studio lists them.
import { ceremony } from './documents/ceremony.ts'
import { consentRecord } from './documents/consentRecord.ts'
import { erasureRecord } from './documents/erasureRecord.ts'
import { followUp } from './documents/followUp.ts'
import { glossaryTerm } from './documents/glossaryTerm.ts'
import { lesson } from './documents/lesson.ts'
import { publicStory } from './documents/publicStory.ts'
import { siteSettings } from './documents/siteSettings.ts'
import { supportService } from './documents/supportService.ts'
import { survivor } from './documents/survivor.ts'
import { testimony } from './documents/testimony.ts'
import { theme } from './documents/theme.ts'
import { localeString, localeStringList, localeTestimonyText, localeText, testimonyText } from './objects/localised.ts'

export const schemaTypes = [
  localeString,
  localeText,
  localeStringList,
  testimonyText,
  localeTestimonyText,
  survivor,
  testimony,
  consentRecord,
  ceremony,
  theme,
  lesson,
  glossaryTerm,
  supportService,
  followUp,
  siteSettings,
  publicStory,
  erasureRecord,
]
