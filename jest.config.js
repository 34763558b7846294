/** Tests run through swc (no type-checking here: `tsc --noEmit` is its own step of `npm test`). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  // Some tests run a whole synth in a child process; on a loaded 2-core CI machine that can take ~20 s.
  testTimeout: 60000,
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }],
    // dnsz ships ES modules only; jest's CommonJS runtime needs them as CommonJS (node and tsx load them as they are).
    "/node_modules/dnsz/.+\\.js$": ["@swc/jest", { jsc: { target: "es2022" }, module: { type: "commonjs" } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!dnsz/)"],
  setupFilesAfterEnv: ["<rootDir>/__tests__/setup.ts"],
};
