/** `6222021305001234567` → `***************4567`: only the last four digits, which tell a holder's accounts apart. */
export function maskAccountNo(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  return '*'.repeat(value.length - 4) + value.slice(-4);
}
