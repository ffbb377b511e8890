// Calendar arithmetic for the desk's "within 30 days" and "this week", on ISO dates (UTC).
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}
