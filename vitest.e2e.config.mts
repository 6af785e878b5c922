import { defineConfig } from 'vitest/config';

// Browser-mode end-to-end specs: one Chromium, one `lakedesk serve` per file, run one file at a time
// because two cores cannot host several Chromiums and DuckDBs without flaking.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/specs/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
