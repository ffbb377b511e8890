// The days of Visak Bochea (ពិសាខបូជា, the full moon of Pisakh) from 2000 to 2050, when Cambodia's
// Buddhist Era year turns: the day after it is the first day of the new year (១រោច ខែពិសាខ), so
// BE = CE + 543 until Visak Bochea and CE + 544 after it. Not a Thai-style +543 from 1 January.
// Source: computed with the Khmer lunisolar calendar (Chhankitek) rules of Roath Kim Soeun's
// "Pratitin Soryakkatik-Chankatik", as implemented by momentkh 3.0.3 (MIT, ThyrithSor/momentkh),
// and checked against Cambodia's public holidays (4 May 2023, 22 May 2024, 11 May 2025).
export const visakBocheaYears = { from: 2000, to: 2050 } as const

/** Month and day of Visak Bochea for each year from 2000, as MMDD. */
const days = [
  '0517 0507 0426 0515 0503 0522 0512 0501 0519 0508', // 2000–2009
  '0428 0517 0505 0524 0513 0502 0520 0510 0429 0518', // 2010–2019
  '0506 0426 0515 0504 0522 0511 0501 0520 0508 0427', // 2020–2029
  '0516 0506 0524 0513 0502 0521 0510 0429 0518 0507', // 2030–2039
  '0425 0514 0504 0523 0511 0430 0519 0509 0427 0516', // 2040–2049
  '0505', // 2050
]
  .join(' ')
  .split(' ')

/** The day of Visak Bochea in a common-era year (YYYY-MM-DD), or null outside the table. */
export function visakBochea(year: number): string | null {
  const day = days[year - visakBocheaYears.from]
  return Number.isInteger(year) && day ? `${year}-${day.slice(0, 2)}-${day.slice(2)}` : null
}

/** Cambodia's Buddhist Era year of a day (YYYY-MM-DD), or null when the table does not cover its year. */
export function buddhistEraYear(isoDate: string): number | null {
  const year = Number(isoDate.slice(0, 4))
  const turn = visakBochea(year)
  if (!turn) return null
  return isoDate > turn ? year + 544 : year + 543
}
