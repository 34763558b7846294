import { Testing } from "cdktf";
// Types of the matchers below (toHaveResource, toHaveResourceWithProperties, …).
import "cdktf/lib/testing/adapters/jest";
import { dropTokenCreationTraces } from "../src/runtime/token-traces";
import { removeTempDirs } from "./support/temp";

Testing.setupJest();
// jest maps every captured frame through source maps, which made synth several times slower than in node.
dropTokenCreationTraces();
afterAll(removeTempDirs);
