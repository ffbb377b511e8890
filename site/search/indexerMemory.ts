// The peak memory of Pagefind's indexing service, read from Linux's /proc before the service ends:
// it runs as a process of its own, so the build's own peak does not count it (at 20,000 stories it
// held three times the build's). Elsewhere than Linux, or if it can not be found, it answers null.
import { readdirSync, readFileSync } from 'node:fs'

/** The highest resident memory (VmHWM) of this process's Pagefind child, in megabytes. */
export function indexerPeakMegabytes(): number | null {
  let peak: number | null = null
  let entries: string[]
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  } catch {
    return null
  }
  for (const pid of entries) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      const parent = /^PPid:\s+(\d+)/m.exec(status)?.[1]
      const name = /^Name:\s+(.+)$/m.exec(status)?.[1] ?? ''
      const kilobytes = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]
      if (parent === String(process.pid) && name.startsWith('pagefind') && kilobytes)
        peak = Math.max(peak ?? 0, Math.round(Number(kilobytes) / 1024))
    } catch {
      // The process ended while it was read.
    }
  }
  return peak
}
