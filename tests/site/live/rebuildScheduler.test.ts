// When the live site rebuilds, driven by a hand-held clock: after the quiet time following the last
// change, one build at a time with one more for changes during it, and when a new day begins.
import { describe, expect, it } from 'vitest'
import { rebuildScheduler, type Timers } from '../../../site/live/rebuildScheduler.ts'

/** Timers that fire only when the test says so. */
function handClock() {
  let waiting: Array<{ run: () => void; cancelled: boolean }> = []
  const ticks: Array<() => void> = []
  const timers: Timers = {
    after(_ms, run) {
      const entry = { run, cancelled: false }
      waiting.push(entry)
      return () => (entry.cancelled = true)
    },
    every(_ms, run) {
      ticks.push(run)
      return () => ticks.splice(ticks.indexOf(run), 1)
    },
  }
  return {
    timers,
    /** The quiet time passes: every timer still set fires. */
    pass() {
      const due = waiting.filter((entry) => !entry.cancelled)
      waiting = []
      due.forEach((entry) => entry.run())
      return due.length
    },
    tick: () => ticks.forEach((run) => run()),
  }
}

function setUp(day = { today: '2026-11-29' }) {
  const clock = handClock()
  const builds: string[] = []
  let finish: (() => void) | null = null
  const scheduler = rebuildScheduler({
    rebuild: (today) => {
      builds.push(today)
      return new Promise<void>((resolve) => (finish = resolve))
    },
    failed: () => {},
    today: () => day.today,
    delayMs: 1_000,
    dayCheckMs: 60_000,
    timers: clock.timers,
  })
  const finishBuild = async () => {
    const done = finish
    finish = null
    done?.()
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { clock, builds, scheduler, finishBuild, day }
}

describe('the rebuild scheduler', () => {
  it('builds once after the quiet time following a burst of changes', async () => {
    const { clock, builds, scheduler, finishBuild } = setUp()
    scheduler.schedule()
    scheduler.schedule()
    scheduler.schedule()
    expect(builds).toEqual([])
    expect(clock.pass()).toBe(1)
    expect(builds).toEqual(['2026-11-29'])
    await finishBuild()
    await scheduler.settled()
    expect(builds).toHaveLength(1)
  })

  it('runs one more build, not two at once, for changes that came while a build ran', async () => {
    const { clock, builds, scheduler, finishBuild } = setUp()
    const first = scheduler.buildNow()
    scheduler.schedule()
    clock.pass()
    scheduler.schedule()
    clock.pass()
    expect(builds).toHaveLength(1)
    await finishBuild()
    expect(builds).toHaveLength(2)
    await finishBuild()
    await first
    await scheduler.settled()
    expect(builds).toHaveLength(2)
  })

  it('rebuilds when a new day began, once, and not while the same day goes on', async () => {
    const { clock, builds, scheduler, finishBuild, day } = setUp()
    const first = scheduler.buildNow()
    await finishBuild()
    await first
    clock.tick()
    expect(clock.pass()).toBe(0)
    day.today = '2026-11-30'
    clock.tick()
    clock.tick()
    expect(clock.pass()).toBe(1)
    expect(builds).toEqual(['2026-11-29', '2026-11-30'])
    await finishBuild()
    clock.tick()
    expect(clock.pass()).toBe(0)
  })

  it('keeps going after a failed build, reporting it, and stops without a report when stopped', async () => {
    const clock = handClock()
    const failures: unknown[] = []
    let calls = 0
    const scheduler = rebuildScheduler({
      rebuild: async (_today, signal) => {
        calls++
        if (calls === 1) throw new Error('the backend did not answer')
        await new Promise<void>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('stopped'))))
      },
      failed: (error) => failures.push(error),
      today: () => '2026-11-29',
      delayMs: 1_000,
      dayCheckMs: 60_000,
      timers: clock.timers,
    })
    await scheduler.buildNow()
    expect(failures).toHaveLength(1)
    scheduler.schedule()
    clock.pass()
    expect(calls).toBe(2)
    await scheduler.stop()
    expect(failures).toHaveLength(1)
  })
})
