import { Testing } from "cdktf";
// Types of the matchers below (toHaveResource, toHaveResourceWithProperties, …).
import "cdktf/lib/testing/adapters/jest";

Testing.setupJest();
