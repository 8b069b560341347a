import type { MaskKind } from '../policy';
import { maskAccountNo } from './mask-account-no';
import { maskAddress } from './mask-address';
import { maskIdNumber } from './mask-id-number';
import { maskName } from './mask-name';
import { maskPhone } from './mask-phone';

const MASKS: Record<MaskKind, (value: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  address: maskAddress,
  name: maskName,
  accountNo: maskAccountNo,
};

/** Masks strings (and lists of strings); other values are withheld, since a mask that cannot apply must not leak. */
export function applyMask(kind: MaskKind, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') return MASKS[kind](value);
  if (Array.isArray(value)) return value.map((v) => applyMask(kind, v));
  return null;
}
