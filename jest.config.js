/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { transpilation: true }] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  // The console's scenarios run in a real browser with `npm run test:browser` (jest.browser.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/browser/'],
  // Benchmark and developer databases hold many files jest has no business crawling.
  modulePathIgnorePatterns: ['<rootDir>/bench/.data/', '<rootDir>/.data/', '<rootDir>/dist/'],
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.mjs',
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  maxWorkers: 2,
  // Workers hold no handles once their tests end, but on a loaded machine a worker with a large heap can take more
  // than the default 500 ms to exit; a handle that really leaks keeps it alive past this too, and is still reported.
  workerGracefulExitTimeout: 5000,
};
