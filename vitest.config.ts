import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One entry per external service the suite needs; each starts it and stops it afterwards.
    globalSetup: ['tests/setup/neo4j.ts'],
    // Many tests run the real CLI, servers and a browser on a 2-core machine: allow them time.
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
