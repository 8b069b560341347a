import { Table, Tag } from 'antd';
import { at, Val, type Place } from '../components/Val';
import { ENCUMBRANCE_TEXT, formatAmount, formatDate, text } from '../format';

export const ENCUMBRANCE_SELECTION = 'encumbrances { kind holder caseNo amount registeredOn expiresOn releasedOn }';

export interface Encumbrance {
  kind: string;
  holder: string | null;
  caseNo: string | null;
  amount: string | null;
  registeredOn: string | null;
  expiresOn?: string | null;
  releasedOn: string | null;
}

/** Mortgages (抵押) and seizures (查封) on one asset. */
export function EncumbranceTable({ rows, place }: { rows: Encumbrance[] | null | undefined; place: Place }) {
  if (!rows || rows.length === 0) return <span className="empty-value">无抵押、查封登记</span>;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(_, i) => String(i)}
      dataSource={rows}
      columns={[
        { title: '类型', render: (_, r) => <Tag color={r.kind === 'SEIZURE' ? 'red' : 'gold'}>{text(ENCUMBRANCE_TEXT, r.kind)}</Tag> },
        { title: '权利人 / 查封法院', render: (_, r, i) => <Val place={at(place, i, 'holder')} value={r.holder} /> },
        { title: '案号', render: (_, r, i) => <Val place={at(place, i, 'caseNo')} value={r.caseNo} /> },
        { title: '担保金额', render: (_, r, i) => <Val place={at(place, i, 'amount')} value={r.amount} format={formatAmount} /> },
        { title: '登记日期', render: (_, r) => formatDate(r.registeredOn) },
        { title: '到期日期', render: (_, r) => formatDate(r.expiresOn) },
        { title: '解除日期', render: (_, r) => formatDate(r.releasedOn) },
      ]}
    />
  );
}
