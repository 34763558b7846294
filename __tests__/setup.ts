import { Testing } from "cdktf";
// Types of the matchers below (toHaveResource, toHaveResourceWithProperties, …).
import "cdktf/lib/testing/adapters/jest";

Testing.setupJest();

// cdktf captures an unbounded stack trace on a plain object for every token it creates; jest maps each frame
// through source maps, which made synth several times slower here than in node. Those traces are never shown,
// so plain objects get none; errors keep jest's mapped traces.
const mapped = Error.prepareStackTrace;
Error.prepareStackTrace = (error, frames) => (error instanceof Error && mapped ? mapped(error, frames) : error instanceof Error ? String(error) : "");
