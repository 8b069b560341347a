import { Table, Tag } from 'antd';
import { Section } from '../components/Section';
import { at, Val } from '../components/Val';
import { DEPOSIT_STATUS_TEXT, DEPOSIT_TYPE_TEXT, formatAmount, formatDate, text } from '../format';
import { FreezeTable, freezeSelection } from './freezes';
import type { PanelProps } from './registry';
import type { DepositAccount, DepositDeduction } from './types';
import type { Place } from '../components/Val';

export const DEPOSIT_SELECTION = `deposits { bankCode bankName accountNo type currency balance openedOn status
  ${freezeSelection(true)} deductions { court caseNo amount deductedOn } }`;

function DeductionTable({ rows, place }: { rows: DepositAccount['deductions']; place: Place }) {
  if (!rows || rows.length === 0) return <span className="empty-value">无扣划记录</span>;
  return (
    <Table<DepositDeduction>
      size="small"
      pagination={false}
      rowKey={(r, i) => `${r.caseNo ?? ''}|${r.deductedOn ?? ''}|${i}`}
      dataSource={rows}
      columns={[
        { title: '扣划法院', render: (_, r, i) => <Val place={at(place, i, 'court')} value={r.court} /> },
        { title: '案号', render: (_, r, i) => <Val place={at(place, i, 'caseNo')} value={r.caseNo} /> },
        { title: '扣划金额', render: (_, r, i) => <Val place={at(place, i, 'amount')} value={r.amount} format={formatAmount} /> },
        { title: '扣划日期', render: (_, r) => formatDate(r.deductedOn) },
      ]}
    />
  );
}

/** Bank accounts (存款) at each bank, with the courts' freezes (首封 / 轮候 n) and earlier deductions (扣划). */
export function DepositPanel({ subject, place }: PanelProps) {
  const list = at(place, 'deposits');
  const accounts = subject.deposits as DepositAccount[] | null;
  return (
    <Section title="银行账户" place={list} value={accounts} empty="各银行未报告该主体名下的账户">
      <Table<DepositAccount>
        size="small"
        pagination={false}
        className="deposit-accounts"
        rowKey={(r, i) => `${r.bankCode ?? ''}|${r.accountNo ?? i}`}
        dataSource={accounts ?? []}
        expandable={{
          defaultExpandAllRows: true,
          expandedRowRender: (r, i) => (
            <div className="account-detail">
              <div className="detail-title">冻结</div>
              <FreezeTable rows={r.freezes} place={at(list, i, 'freezes')} withAmount empty="该账户无冻结" />
              <div className="detail-title">扣划</div>
              <DeductionTable rows={r.deductions} place={at(list, i, 'deductions')} />
            </div>
          ),
        }}
        columns={[
          {
            title: '开户行',
            render: (_, r, i) => (
              <span>
                <Val place={at(list, i, 'bankName')} value={r.bankName} />
                {r.bankCode && <div className="secondary">机构编码 {r.bankCode}</div>}
              </span>
            ),
          },
          { title: '账号', render: (_, r, i) => <Val place={at(list, i, 'accountNo')} value={r.accountNo} /> },
          {
            title: '类型',
            render: (_, r, i) => <Val place={at(list, i, 'type')} value={r.type} format={(v: string) => text(DEPOSIT_TYPE_TEXT, v)} />,
          },
          {
            title: '余额',
            render: (_, r, i) => (
              <Val
                place={at(list, i, 'balance')}
                value={r.balance}
                format={(v: string) => (r.currency && r.currency !== 'CNY' ? `${v} ${r.currency}` : formatAmount(v))}
              />
            ),
          },
          { title: '开户日期', render: (_, r) => formatDate(r.openedOn) },
          {
            title: '状态',
            render: (_, r, i) => (
              <Val
                place={at(list, i, 'status')}
                value={r.status}
                format={(v: string) => <Tag color={v === 'NORMAL' ? 'green' : 'default'}>{text(DEPOSIT_STATUS_TEXT, v)}</Tag>}
              />
            ),
          },
          {
            title: '冻结 / 扣划',
            render: (_, r) => `${r.freezes?.filter((f) => !f.releasedOn).length ?? 0} 项冻结，${r.deductions?.length ?? 0} 项扣划`,
          },
        ]}
      />
    </Section>
  );
}
