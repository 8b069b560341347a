import { Descriptions, Empty, Table, Tag } from 'antd';
import { Section } from '../components/Section';
import { at, Val } from '../components/Val';
import { formatAmount, formatDate, REFUND_KIND_TEXT, REFUND_STATUS_TEXT, text } from '../format';
import type { PanelProps } from './registry';

export const TAX_SELECTION = `tax { registered taxAuthority creditGrade totalArrears
  legalRepresentative { name idNumber phone address }
  filings { period taxType taxableAmount taxPaid filedOn }
  arrears { taxType period amount lateFee since }
  refundsDue { kind amount status appliedOn } }`;

interface TaxAnswer {
  registered: boolean | null;
  taxAuthority: string | null;
  creditGrade: string | null;
  totalArrears: string | null;
  legalRepresentative: { name: string | null; idNumber: string | null; phone: string | null; address: string | null } | null;
  filings: Array<{ period: string; taxType: string; taxableAmount: string | null; taxPaid: string | null; filedOn: string | null }> | null;
  arrears: Array<{ taxType: string; period: string; amount: string | null; lateFee: string | null; since: string | null }> | null;
  refundsDue: Array<{ kind: string; amount: string | null; status: string; appliedOn: string | null }> | null;
}
type Row<K extends 'filings' | 'arrears' | 'refundsDue'> = NonNullable<TaxAnswer[K]>[number];

export function TaxPanel({ subject, place }: PanelProps) {
  const tax = subject.tax as TaxAnswer;
  const p = at(place, 'tax');
  if (tax.registered === false) return <Empty description="税务部门未登记该主体为纳税人" />;
  const rep = tax.legalRepresentative;
  return (
    <>
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label="主管税务机关">
          <Val place={at(p, 'taxAuthority')} value={tax.taxAuthority} />
        </Descriptions.Item>
        <Descriptions.Item label="纳税信用等级">
          <Val place={at(p, 'creditGrade')} value={tax.creditGrade} format={(g) => <Tag color={/[CD]/.test(g) ? 'red' : 'blue'}>{g} 级</Tag>} />
        </Descriptions.Item>
        <Descriptions.Item label="欠税合计">
          <Val place={at(p, 'totalArrears')} value={tax.totalArrears} format={formatAmount} />
        </Descriptions.Item>
        {subject.kind === 'ENTERPRISE' && (
          <Descriptions.Item label="法定代表人">
            {rep ? (
              <span>
                <Val place={at(p, 'legalRepresentative', 'name')} value={rep.name} />
                ，身份证号 <Val place={at(p, 'legalRepresentative', 'idNumber')} value={rep.idNumber} />
                ，电话 <Val place={at(p, 'legalRepresentative', 'phone')} value={rep.phone} />
              </span>
            ) : (
              <Val place={at(p, 'legalRepresentative')} value={null} />
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Section title="欠税" place={at(p, 'arrears')} value={tax.arrears} empty="无欠税记录">
        <Table<Row<'arrears'>>
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={tax.arrears ?? []}
          columns={[
            { title: '税种', dataIndex: 'taxType' },
            { title: '所属期', dataIndex: 'period' },
            { title: '欠税金额', render: (_, r) => formatAmount(r.amount) },
            { title: '滞纳金', render: (_, r) => formatAmount(r.lateFee) },
            { title: '欠税起始日', render: (_, r) => formatDate(r.since) },
          ]}
        />
      </Section>
      <Section title="应退税款（可供执行）" place={at(p, 'refundsDue')} value={tax.refundsDue} empty="无待退税款">
        <Table<Row<'refundsDue'>>
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={tax.refundsDue ?? []}
          columns={[
            { title: '类型', render: (_, r) => text(REFUND_KIND_TEXT, r.kind) },
            { title: '金额', render: (_, r) => formatAmount(r.amount) },
            { title: '状态', render: (_, r) => text(REFUND_STATUS_TEXT, r.status) },
            { title: '申请日期', render: (_, r) => formatDate(r.appliedOn) },
          ]}
        />
      </Section>
      <Section title="纳税申报" place={at(p, 'filings')} value={tax.filings} empty="无纳税申报记录">
        <Table<Row<'filings'>>
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={tax.filings ?? []}
          columns={[
            { title: '所属期', dataIndex: 'period' },
            { title: '税种', dataIndex: 'taxType' },
            { title: '计税依据', render: (_, r) => formatAmount(r.taxableAmount) },
            { title: '已缴税额', render: (_, r) => formatAmount(r.taxPaid) },
            { title: '申报日期', render: (_, r) => formatDate(r.filedOn) },
          ]}
        />
      </Section>
    </>
  );
}
