// An error for a person at a command line or reading a build log: what went wrong (`message`) and,
// kept apart, what to do about it (`hint`), as Astro's and Starlight's AstroError(message, hint).
// The hint is never folded into the message, so a caller can print, test or translate each alone.
export class HintedError extends Error {
  readonly hint: string | undefined

  constructor(message: string, hint?: string) {
    super(message)
    this.name = 'HintedError'
    this.hint = hint
  }
}

/** How a command prints what stopped it: the message, then the hint on its own line; no stack. */
export function explainFailure(error: unknown): string {
  if (error instanceof HintedError) return error.hint ? `${error.message}\nHint: ${error.hint}` : error.message
  return error instanceof Error ? error.message : String(error)
}
