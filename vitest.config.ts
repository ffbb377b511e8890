// Unit, integration and browser tests (tests/studio drives a real Chromium), all in `npm test`.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Finds the browser first, so that a machine without one is told what to install (tests/browser/).
    globalSetup: ['tests/browser/globalSetup.ts'],
    testTimeout: 20_000,
    // One file at a time: the browser tests drive a real Studio and must not compete for the two
    // cores with the crash test's lake processes.
    fileParallelism: false,
  },
})
