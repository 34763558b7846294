import { realStacks } from "./support/synth-province";

// Review every change to these snapshots: they are the exact Terraform that ops will plan and apply.
describe("Bình Thuận stacks", () => {
  for (const stack of realStacks()) {
    it(`${stack.name} synthesizes as reviewed`, () => {
      expect(stack.json).toMatchSnapshot();
    });
  }
});
