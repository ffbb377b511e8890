// `npm run soak`: the long runs kept out of `npm test` (many kill -9 rounds, many fuzzed requests).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/soak/**/*.soak.ts'],
    environment: 'node',
    testTimeout: 30 * 60_000,
    fileParallelism: false,
  },
})
