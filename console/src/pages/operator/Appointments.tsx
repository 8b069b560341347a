import { Space } from 'antd';
import { useState } from 'react';
import { BANKRUPTCY_FIELDS, BankruptcyCaseList } from './Cases';
import { Operation } from './Operation';

export function Appointments() {
  const [refresh, setRefresh] = useState(0);
  const done = () => setRefresh((n) => n + 1);
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
        toVariables={(v) => ({
          input: {
            caseNo: v.caseNo.trim(),
            firmCode: v.firmCode.trim(),
            decisionNo: v.decisionNo.trim(),
            validFrom: v.validFrom.trim(),
            validTo: v.validTo?.trim() || null,
          },
        })}
        onDone={done}
      />
      <Operation
        title="终止指定"
        danger
        fields={[
          { name: 'caseNo', label: '案号', width: 220 },
          { name: 'firmCode', label: '管理人机构代码' },
        ]}
        mutation={`mutation EndAppointment($caseNo: String!, $firmCode: String!) { endAppointment(caseNo: $caseNo, firmCode: $firmCode) { ${BANKRUPTCY_FIELDS} } }`}
        toVariables={(v) => ({ caseNo: v.caseNo.trim(), firmCode: v.firmCode.trim() })}
        onDone={done}
      />
      <BankruptcyCaseList refresh={refresh} />
    </Space>
  );
}
