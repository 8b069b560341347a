/** Cuts an address to its district: `安徽省六安市金寨县梅山镇红军路8号` → `安徽省六安市金寨县`. */
export function maskAddress(value: string): string {
  const match = /^(.*?(?:省|自治区|市))?(.*?(?:市|州|盟))?(.*?(?:县|区|旗|市))/.exec(value);
  return match ? match[0] : '';
}
