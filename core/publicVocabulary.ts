// The closed vocabularies that may appear on public pages: a place no finer than a province,
// and the content warnings shown before a story.

export const provinces = [
  'Banteay Meanchey',
  'Battambang',
  'Kampong Cham',
  'Kampong Chhnang',
  'Kampong Speu',
  'Kampong Thom',
  'Kampot',
  'Kandal',
  'Kep',
  'Koh Kong',
  'Kratie',
  'Mondulkiri',
  'Oddar Meanchey',
  'Pailin',
  'Phnom Penh',
  'Preah Sihanouk',
  'Preah Vihear',
  'Prey Veng',
  'Pursat',
  'Ratanakiri',
  'Siem Reap',
  'Stung Treng',
  'Svay Rieng',
  'Takeo',
  'Tbong Khmum',
] as const
export type Province = (typeof provinces)[number]

export const contentWarnings = ['sexual-violence', 'forced-marriage', 'torture', 'death', 'starvation', 'separation'] as const
export type ContentWarning = (typeof contentWarnings)[number]
