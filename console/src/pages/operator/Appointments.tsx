import { Card, Space, Table, Tag } from 'antd';
import { formatDate } from '../../format';
import { BANKRUPTCY_FIELDS } from './Cases';
import { Operation, useSessionRecords } from './Operation';
import type { BankruptcyCaseRecord } from '../../api/results';

export function Appointments() {
  const [rows, add] = useSessionRecords<BankruptcyCaseRecord>('bankruptcy-cases', (r) => r.caseNo);
  const appointments = rows.flatMap((c) => c.appointments.map((a) => ({ ...a, caseNo: c.caseNo })));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Operation
        title="指定管理人"
        fields={[
          { name: 'caseNo', label: '案号', width: 190 },
          { name: 'firmCode', label: '管理人机构代码', placeholder: 'AF-3415-001' },
          { name: 'decisionNo', label: '指定管理人决定书', placeholder: '(2024)皖1524破8号之一', width: 210 },
          { name: 'validFrom', label: '起始日期', placeholder: '2024-05-08', width: 120 },
          { name: 'validTo', label: '截止日期', placeholder: '可不填', width: 120, optional: true },
        ]}
        mutation={`mutation AppointAdministrator($input: AppointAdministratorInput!) { appointAdministrator(input: $input) { ${BANKRUPTCY_FIELDS} } }`}
        toVariables={(v) => ({ input: { caseNo: v.caseNo.trim(), firmCode: v.firmCode.trim(), decisionNo: v.decisionNo.trim(), validFrom: v.validFrom.trim(), validTo: v.validTo?.trim() || null } })}
        onDone={(d: { appointAdministrator: BankruptcyCaseRecord }) => add(d.appointAdministrator)}
      />
      <Operation
        title="终止指定"
        danger
        fields={[{ name: 'caseNo', label: '案号', width: 220 }, { name: 'firmCode', label: '管理人机构代码' }]}
        mutation={`mutation EndAppointment($caseNo: String!, $firmCode: String!) { endAppointment(caseNo: $caseNo, firmCode: $firmCode) { ${BANKRUPTCY_FIELDS} } }`}
        toVariables={(v) => ({ caseNo: v.caseNo.trim(), firmCode: v.firmCode.trim() })}
        onDone={(d: { endAppointment: BankruptcyCaseRecord }) => add(d.endAppointment)}
      />
      <Card size="small" title="本次登录期间操作过的管理人指定">
        <Table size="small" rowKey={(r) => `${r.caseNo}-${r.firm.code}-${r.validFrom}`} pagination={false} dataSource={appointments} locale={{ emptyText: '本次登录期间还没有操作过管理人指定' }} columns={[
          { title: '案号', dataIndex: 'caseNo' },
          { title: '管理人', render: (_, r) => `${r.firm.name}（${r.firm.code}）` },
          { title: '决定书', render: (_, r) => r.decisionNo ?? '—' },
          { title: '期间', render: (_, r) => `${formatDate(r.validFrom)} 至 ${r.validTo ? formatDate(r.validTo) : '程序终结'}` },
          { title: '状态', render: (_, r) => (r.ended ? <Tag>已终止</Tag> : <Tag color="green">有效</Tag>) },
        ]} />
      </Card>
    </Space>
  );
}
