// Province (省/自治区, or a municipality), prefecture (市/州/盟/地区), county (县/区/旗/市); each a few Han characters,
// so that no later part of the address (a street, a 超市) can be taken for a division.
const DISTRICT =
  /^(?:\p{Script=Han}{2,7}?(?:省|自治区)|(?:北京|天津|上海|重庆)市)?(?:\p{Script=Han}{1,9}?(?:自治州|地区|市|州|盟))?\p{Script=Han}{1,9}?(?:自治县|县|区|旗|市)/u;

/** Cuts an address to its district: `安徽省六安市金寨县梅山镇红军路8号` → `安徽省六安市金寨县`; nothing when none is found. */
export function maskAddress(value: string): string {
  return DISTRICT.exec(value.trim())?.[0] ?? '';
}
