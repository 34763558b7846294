/**
 * cdktf records where each token was created: it captures an unbounded stack trace on a plain object (not an
 * Error) and keeps it as an array of strings. A province creates tens of thousands of tokens, so those records
 * cost a quarter of the synth time and most of its memory (the 34-province run hit the 4 GiB heap). They only
 * decorate cdktf's own error messages, so a capture on a plain object records nothing; errors (instances of
 * Error) are captured as before, so a genuine crash still shows its trace.
 */
export function dropTokenCreationTraces(): void {
  const capture = Error.captureStackTrace.bind(Error);
  Error.captureStackTrace = (target: object, constructorOpt?: Function) => {
    if (target instanceof Error) capture(target, constructorOpt);
    else (target as { stack?: string }).stack = "";
  };
}
