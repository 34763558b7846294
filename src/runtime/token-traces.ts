/**
 * cdktf records where each token was created: it captures an unbounded stack trace on a plain object and keeps
 * it as an array of strings. A province creates tens of thousands of tokens, so those records cost a quarter of
 * the synth time and most of its memory (the 34-province run hit the 4 GiB heap). They only decorate cdktf's own
 * error messages, so plain objects get an empty trace; real errors (instances of Error) keep theirs.
 */
export function dropTokenCreationTraces(): void {
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = (error: Error, frames: NodeJS.CallSite[]) => {
    if (!(error instanceof Error)) return "";
    if (previous) return previous(error, frames);
    return `${String(error)}${frames.map((frame) => `\n    at ${String(frame)}`).join("")}`;
  };
}
