// When the live site rebuilds: after a quiet time following the last change (one build at a time,
// one more if changes came while it ran), and when a new day begins (consent ends on its review
// date, a held story is published on its day). The clock is passed in, so tests can drive it.
export interface Timers {
  /** Runs `run` once after `ms`; answers what cancels it. */
  after(ms: number, run: () => void): () => void
  /** Runs `run` every `ms`; answers what stops it. */
  every(ms: number, run: () => void): () => void
}

export const realTimers: Timers = {
  after(ms, run) {
    const timer = setTimeout(run, ms)
    return () => clearTimeout(timer)
  },
  every(ms, run) {
    const timer = setInterval(run, ms)
    return () => clearInterval(timer)
  },
}

export interface RebuildSchedulerOptions {
  /** One whole rebuild as of `day`; `signal` aborts when the scheduler stops. */
  rebuild: (day: string, signal: AbortSignal) => Promise<void>
  /** A rebuild failed (the last build stays served); not called for one stopped by `stop()`. */
  failed: (error: unknown) => void
  today: () => string
  /** Quiet time after the last change before the rebuild starts. */
  delayMs: number
  /** How often it asks `today()` whether a new day began. */
  dayCheckMs: number
  timers?: Timers
}

export interface RebuildScheduler {
  /** A change: rebuild after the quiet time (the timer starts again at each change). */
  schedule: () => void
  /** Rebuilds now (the first build), unless one runs; resolves when no build runs. */
  buildNow: () => Promise<void>
  /** Resolves when no rebuild is running or waiting. */
  settled: () => Promise<void>
  stop: () => Promise<void>
}

export function rebuildScheduler(options: RebuildSchedulerOptions): RebuildScheduler {
  const timers = options.timers ?? realTimers
  const stopping = new AbortController()
  let cancelWait: (() => void) | null = null
  let waited: Promise<void> = Promise.resolve()
  let building: Promise<void> | null = null
  let again = false
  let builtDay = ''

  const runBuilds = async () => {
    do {
      again = false
      const day = options.today()
      try {
        await options.rebuild(day, stopping.signal)
        builtDay = day
      } catch (error) {
        if (stopping.signal.aborted) return
        options.failed(error)
      }
    } while (again)
  }
  const start = () => (building = runBuilds().finally(() => (building = null)))
  const schedule = () => {
    cancelWait?.()
    let done = () => {}
    waited = new Promise<void>((resolve) => (done = resolve))
    const cancel = timers.after(options.delayMs, () => {
      cancelWait = null
      done()
      if (building) again = true
      else void start()
    })
    cancelWait = () => {
      cancel()
      done()
    }
  }
  const stopDaily = timers.every(options.dayCheckMs, () => {
    if (builtDay !== options.today() && !cancelWait && !building) schedule()
  })
  return {
    schedule,
    buildNow: () => building ?? start(),
    async settled() {
      while (cancelWait || building) await (building ?? waited)
    },
    async stop() {
      stopDaily()
      cancelWait?.()
      cancelWait = null
      stopping.abort()
      await building
    },
  }
}
