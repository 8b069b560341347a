import { Table, Tag } from 'antd';
import { at, Val, type Place } from '../components/Val';
import { formatAmount, formatDate, formatRank } from '../format';
import type { Freeze } from './types';

/** The GraphQL selection of a freeze; `amount` only where the freeze is of money (accounts, funds). */
export const freezeSelection = (withAmount: boolean) => `freezes { court caseNo ${withAmount ? 'amount ' : ''}rank frozenOn expiresOn releasedOn }`;

/** 首封 (the effective freeze), 轮候 n (queued), or 已解除. */
export function RankTag({ freeze, place }: { freeze: Freeze; place: Place }) {
  if (freeze.releasedOn) return <Tag className="freeze-rank">已解除</Tag>;
  return (
    <Val
      place={at(place, 'rank')}
      value={freeze.rank}
      format={(rank: number) => (
        <Tag className="freeze-rank" color={rank === 0 ? 'red' : 'orange'}>
          {formatRank(rank)}
        </Tag>
      )}
    />
  );
}

/** Court freezes (冻结) of one account or holding, the effective one first. */
export function FreezeTable({
  rows,
  place,
  withAmount,
  empty,
}: {
  rows: Freeze[] | null | undefined;
  place: Place;
  withAmount: boolean;
  empty: string;
}) {
  if (!rows || rows.length === 0) return <span className="empty-value">{empty}</span>;
  return (
    <Table<Freeze>
      size="small"
      pagination={false}
      className="freeze-table"
      rowKey={(r) => `${r.court ?? ''}|${r.caseNo ?? ''}|${r.frozenOn ?? ''}`}
      dataSource={rows}
      rowClassName={(r) => (r.releasedOn ? 'row-closed' : '')}
      columns={[
        { title: '顺位', render: (_, r, i) => <RankTag freeze={r} place={at(place, i)} /> },
        { title: '冻结法院', render: (_, r, i) => <Val place={at(place, i, 'court')} value={r.court} /> },
        { title: '案号', render: (_, r, i) => <Val place={at(place, i, 'caseNo')} value={r.caseNo} /> },
        ...(withAmount
          ? [
              {
                title: '冻结金额',
                render: (_: unknown, r: Freeze, i: number) => <Val place={at(place, i, 'amount')} value={r.amount} format={formatAmount} />,
              },
            ]
          : []),
        { title: '冻结日期', render: (_, r) => formatDate(r.frozenOn) },
        { title: '到期日期', render: (_, r) => formatDate(r.expiresOn) },
        { title: '解除日期', render: (_, r) => formatDate(r.releasedOn) },
      ]}
    />
  );
}
