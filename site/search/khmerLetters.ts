// Whether a text has Khmer letters: decides which texts get the Khmer index and checks (no Node APIs,
// so that the search page can use it too).
const khmerLetter = /[\u1780-\u17B3\u19E0-\u19FF]/

export function hasKhmerLetter(text: string): boolean {
  return khmerLetter.test(text)
}
