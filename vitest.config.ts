import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{contract,core,cli,forms,workflows,plugins,tests,scripts}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'admin-ui/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
