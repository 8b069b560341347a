import { Tooltip } from 'antd';
import { at, Val, type Place } from '../components/Val';
import { formatAmount, formatDate, REFERENCE_BASIS_TEXT, text } from '../format';
import type { ReferenceValued } from './types';

export const REFERENCE_VALUE_SELECTION = 'referenceValue referenceValueOn referenceValueBasis';

/** 参考价: ¥1,234,567.00, then what it rests on and when (评估 2024-03-01). */
export function ReferenceValue({ row, place }: { row: ReferenceValued; place: Place }) {
  const note = [
    row.referenceValueBasis ? text(REFERENCE_BASIS_TEXT, row.referenceValueBasis) : null,
    row.referenceValueOn ? formatDate(row.referenceValueOn) : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Val
      place={at(place, 'referenceValue')}
      value={row.referenceValue}
      format={(v: string) => (
        <Tooltip title="查封、冻结时据以衡量是否超标的的价值">
          <span className="reference-value">
            {formatAmount(v)}
            {note && <span className="reference-basis">（{note}）</span>}
          </span>
        </Tooltip>
      )}
    />
  );
}
