import { Alert, Table } from 'antd';
import { Section } from '../components/Section';
import { at, problemAt } from '../components/Val';
import { formatAmount, formatDate } from '../format';
import type { PanelProps } from './registry';

export const CREDIT_SELECTION = `credit { dishonest
  dishonestEntries { court caseNo obligation circumstance listedOn removedOn }
  consumptionRestrictions { court caseNo issuedOn liftedOn }
  administrativePenalties { authority decisionNo reason fine decidedOn }
  creditRepairs { basisCaseNo authority description repairedOn } }`;

interface CreditAnswer {
  dishonest: boolean | null;
  dishonestEntries: Array<{
    court: string;
    caseNo: string;
    obligation: string;
    circumstance: string;
    listedOn: string;
    removedOn: string | null;
  }> | null;
  consumptionRestrictions: Array<{ court: string; caseNo: string; issuedOn: string; liftedOn: string | null }> | null;
  administrativePenalties: Array<{ authority: string; decisionNo: string; reason: string; fine: string | null; decidedOn: string }> | null;
  creditRepairs: Array<{ basisCaseNo: string; authority: string; description: string; repairedOn: string }> | null;
}
type Row<K extends Exclude<keyof CreditAnswer, 'dishonest'>> = NonNullable<CreditAnswer[K]>[number];

export function CreditPanel({ subject, place }: PanelProps) {
  const credit = subject.credit as CreditAnswer;
  const p = at(place, 'credit');
  return (
    <>
      {problemAt(at(p, 'dishonest')) ??
        (credit.dishonest ? (
          <Alert type="error" showIcon message="该主体现被列入失信被执行人名单" />
        ) : (
          <Alert type="success" showIcon message="该主体现未被列入失信被执行人名单" />
        ))}
      <Section title="失信被执行人记录" place={at(p, 'dishonestEntries')} value={credit.dishonestEntries} empty="无失信被执行人记录">
        <Table<Row<'dishonestEntries'>>
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={credit.dishonestEntries ?? []}
          columns={[
            { title: '执行法院', dataIndex: 'court' },
            { title: '案号', dataIndex: 'caseNo' },
            { title: '生效法律文书确定的义务', dataIndex: 'obligation' },
            { title: '失信情形', dataIndex: 'circumstance' },
            { title: '发布日期', render: (_, r) => formatDate(r.listedOn) },
            { title: '移除日期', render: (_, r) => formatDate(r.removedOn) },
          ]}
        />
      </Section>
      <Section title="限制消费令" place={at(p, 'consumptionRestrictions')} value={credit.consumptionRestrictions} empty="无限制消费令">
        <Table<Row<'consumptionRestrictions'>>
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={credit.consumptionRestrictions ?? []}
          columns={[
            { title: '法院', dataIndex: 'court' },
            { title: '案号', dataIndex: 'caseNo' },
            { title: '发布日期', render: (_, r) => formatDate(r.issuedOn) },
            { title: '解除日期', render: (_, r) => formatDate(r.liftedOn) },
          ]}
        />
      </Section>
      <Section title="行政处罚" place={at(p, 'administrativePenalties')} value={credit.administrativePenalties} empty="无行政处罚记录">
        <Table<Row<'administrativePenalties'>>
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={credit.administrativePenalties ?? []}
          columns={[
            { title: '处罚机关', dataIndex: 'authority' },
            { title: '决定书文号', dataIndex: 'decisionNo' },
            { title: '事由', dataIndex: 'reason' },
            { title: '罚款', render: (_, r) => formatAmount(r.fine) },
            { title: '决定日期', render: (_, r) => formatDate(r.decidedOn) },
          ]}
        />
      </Section>
      <Section title="信用修复" place={at(p, 'creditRepairs')} value={credit.creditRepairs} empty="无信用修复记录">
        <Table<Row<'creditRepairs'>>
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={credit.creditRepairs ?? []}
          columns={[
            { title: '依据案号', dataIndex: 'basisCaseNo' },
            { title: '修复机关', dataIndex: 'authority' },
            { title: '说明', dataIndex: 'description' },
            { title: '修复日期', render: (_, r) => formatDate(r.repairedOn) },
          ]}
        />
      </Section>
    </>
  );
}
