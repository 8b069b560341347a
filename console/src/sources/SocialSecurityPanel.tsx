import { Descriptions, Empty, Table } from 'antd';
import { Section } from '../components/Section';
import { at, problemAt, Val } from '../components/Val';
import { formatAmount, formatDate, INSURANCE_TYPE_TEXT, INSURED_TEXT, text } from '../format';
import type { PanelProps } from './registry';

export const SOCIAL_SECURITY_SELECTION = `socialSecurity { registered insuredStatus employer { name idNumber } contributionBase insuranceTypes
  medical { plan accountBalance designatedHospital }
  insuredEmployeeCount arrearsAmount arrearsSince employees { name idNumber phone address } }`;

interface Person {
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

interface SocialSecurityAnswer {
  registered: boolean | null;
  insuredStatus: string | null;
  employer: { name: string | null; idNumber: string | null } | null;
  contributionBase: string | null;
  insuranceTypes: string[] | null;
  medical: { plan: string | null; accountBalance: string | null; designatedHospital: string | null } | null;
  insuredEmployeeCount: number | null;
  arrearsAmount: string | null;
  arrearsSince: string | null;
  employees: Person[] | null;
}

export function SocialSecurityPanel({ subject, place }: PanelProps) {
  const ss = subject.socialSecurity as SocialSecurityAnswer;
  const p = at(place, 'socialSecurity');
  if (ss.registered === false) return <Empty description="人社部门无该主体的参保登记" />;
  if (subject.kind === 'ENTERPRISE') {
    const employees = at(p, 'employees');
    return (
      <>
        <Descriptions size="small" bordered column={3}>
          <Descriptions.Item label="参保职工人数">
            <Val place={at(p, 'insuredEmployeeCount')} value={ss.insuredEmployeeCount} />
          </Descriptions.Item>
          <Descriptions.Item label="欠缴社保费">
            <Val place={at(p, 'arrearsAmount')} value={ss.arrearsAmount} format={formatAmount} />
          </Descriptions.Item>
          <Descriptions.Item label="欠缴起始日">
            <Val place={at(p, 'arrearsSince')} value={ss.arrearsSince} format={formatDate} />
          </Descriptions.Item>
        </Descriptions>
        <Section title="参保职工" place={employees} value={ss.employees} empty="无参保职工记录">
          <Table<Person>
            size="small"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            rowKey={(_, i) => String(i)}
            dataSource={ss.employees ?? []}
            columns={[
              { title: '姓名', render: (_, r, i) => <Val place={at(employees, i, 'name')} value={r.name} /> },
              { title: '身份证号', render: (_, r, i) => <Val place={at(employees, i, 'idNumber')} value={r.idNumber} /> },
              { title: '电话', render: (_, r, i) => <Val place={at(employees, i, 'phone')} value={r.phone} /> },
              { title: '住址', render: (_, r, i) => <Val place={at(employees, i, 'address')} value={r.address} /> },
            ]}
          />
        </Section>
      </>
    );
  }
  const employer = ss.employer;
  return (
    <Descriptions size="small" bordered column={2}>
      <Descriptions.Item label="参保状态">
        <Val place={at(p, 'insuredStatus')} value={ss.insuredStatus} format={(v) => text(INSURED_TEXT, v)} />
      </Descriptions.Item>
      <Descriptions.Item label="缴费基数（月）">
        <Val place={at(p, 'contributionBase')} value={ss.contributionBase} format={formatAmount} />
      </Descriptions.Item>
      <Descriptions.Item label="工作单位">
        {problemAt(at(p, 'employer')) ?? (employer ? `${employer.name ?? '—'}（${employer.idNumber ?? '—'}）` : '—')}
      </Descriptions.Item>
      <Descriptions.Item label="参保险种">
        <Val
          place={at(p, 'insuranceTypes')}
          value={ss.insuranceTypes}
          format={(v: string[]) => v.map((t) => text(INSURANCE_TYPE_TEXT, t)).join('、')}
        />
      </Descriptions.Item>
      <Descriptions.Item label="医疗保险（健康信息）" span={2}>
        {problemAt(at(p, 'medical')) ?? (ss.medical ? `${ss.medical.plan ?? '—'}，定点医院 ${ss.medical.designatedHospital ?? '—'}` : '—')}
      </Descriptions.Item>
    </Descriptions>
  );
}
