/** I, II, III, …: administrative documents number their parts and appendices in Roman numerals. */
export function romanNumeral(value: number): string {
  const steps: readonly [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let rest = value;
  let text = "";
  for (const [size, letters] of steps) {
    for (; rest >= size; rest -= size) text += letters;
  }
  return text;
}
