// Which testimonies' public stories changed since a moment, told from the listener's events. A story
// a full build publishes for the first time may be withdrawn while the build runs, when no page of it
// is served for the fast path to take off; once the build is served, only those that changed
// meanwhile need asking about again, not every one it published (after the live site's first build
// that was every story: at 20,000, the whole archive read again while readers waited).
export interface ChangedStories {
  /** A change concerning this testimony was heard. */
  changed(testimonyId: string): void
  /**
   * The listener is connected (its welcome): from the first, every change is heard; each later one
   * follows a lost connection, in which changes may have been missed.
   */
  listening(): void
  /** A mark of this moment, for `since`. */
  mark(): number
  /** Of these testimonies, those that changed after `mark`: all of them if changes may have gone unheard since. */
  since(mark: number, testimonyIds: ReadonlyArray<string>): string[]
  /** Forgets what happened up to `mark` (the build that started then is served, and none runs from before). */
  forget(mark: number): void
}

export function changedStories(): ChangedStories {
  let heard = 0
  let trackedFrom = Number.POSITIVE_INFINITY
  let lost = -1
  const last = new Map<string, number>()
  return {
    changed(testimonyId) {
      last.set(testimonyId, ++heard)
    },
    listening() {
      if (trackedFrom === Number.POSITIVE_INFINITY) trackedFrom = ++heard
      else lost = ++heard
    },
    mark: () => heard,
    since(mark, testimonyIds) {
      if (mark < trackedFrom || lost > mark) return [...testimonyIds]
      return testimonyIds.filter((id) => (last.get(id) ?? -1) > mark)
    },
    forget(mark) {
      for (const [id, at] of last) if (at <= mark) last.delete(id)
    },
  }
}
