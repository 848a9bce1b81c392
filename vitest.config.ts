import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One entry per external service the suite needs; each starts it and stops it afterwards.
    globalSetup: ['tests/setup/neo4j.ts'],
  },
});
