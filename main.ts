import { loadCommand, SYNTH_ENTRY } from "./src/runtime/compiled-entry";

/**
 * Synthesizes one province (`npm run synth`, `cdktf synth`): src/runtime/synth-command.ts says how. It runs from
 * one esbuild bundle of the app and its packages, cached in .cache/ and rebuilt whenever a file it was made from
 * changes, so tsx compiles this file only: through tsx, module by module, the same synth took 25% longer.
 */
loadCommand<typeof import("./src/runtime/synth-command")>(__dirname, SYNTH_ENTRY).runSynth(__dirname);
