/** Tests run through swc (no type-checking here: `tsc --noEmit` is its own step of `npm test`). */
const { availableParallelism } = require("node:os");

module.exports = {
  // Jest's default, one worker less than the cores, runs every file in band on a 2-core machine, one core idle.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  // Some tests run a whole synth in a child process, which a loaded 2-core CI machine makes slow: room for it.
  testTimeout: 60000,
  // Beside the esbuild bundles in .cache/ (git-ignored), not in the temp folder, which a test run leaves as it found it.
  cacheDirectory: "<rootDir>/.cache/jest",
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }],
    // dnsz ships ES modules only; jest's CommonJS runtime needs them as CommonJS (node and tsx load them as they are).
    "/node_modules/dnsz/.+\\.js$": ["@swc/jest", { jsc: { target: "es2022" }, module: { type: "commonjs" } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!dnsz/)"],
  setupFilesAfterEnv: ["<rootDir>/__tests__/setup.ts"],
  globalSetup: "<rootDir>/__tests__/support/global-setup.ts",
  globalTeardown: "<rootDir>/__tests__/support/global-teardown.ts",
};
