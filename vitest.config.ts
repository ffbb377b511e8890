// Unit and integration tests; browser tests (tests/**/*.browser.test.ts) drive a real Chromium.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
})
