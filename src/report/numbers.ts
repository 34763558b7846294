/** Numbers as Vietnamese documents print them: a dot between thousands (1.234), a comma before decimals. */
const VIETNAMESE = new Intl.NumberFormat("vi-VN");

export function vietnameseNumber(value: number): string {
  return VIETNAMESE.format(value);
}
