import { Space } from 'antd';
import { useState } from 'react';
import { EXECUTION_FIELDS, ExecutionCaseList } from './Cases';
import { Operation } from './Operation';

export function Assignments() {
  const [refresh, setRefresh] = useState(0);
  const done = () => setRefresh((n) => n + 1);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Operation
        title="分配书记员"
        fields={[
          { name: 'caseNo', label: '案号', width: 220 },
          { name: 'username', label: '书记员用户名' },
        ]}
        mutation={`mutation AssignClerk($caseNo: String!, $username: String!) { assignClerk(caseNo: $caseNo, username: $username) { ${EXECUTION_FIELDS} } }`}
        toVariables={(v) => ({ caseNo: v.caseNo.trim(), username: v.username.trim() })}
        onDone={done}
      />
      <Operation
        title="取消分配"
        danger
        fields={[
          { name: 'caseNo', label: '案号', width: 220 },
          { name: 'username', label: '书记员用户名' },
        ]}
        mutation={`mutation UnassignClerk($caseNo: String!, $username: String!) { unassignClerk(caseNo: $caseNo, username: $username) { ${EXECUTION_FIELDS} } }`}
        toVariables={(v) => ({ caseNo: v.caseNo.trim(), username: v.username.trim() })}
        onDone={done}
      />
      <ExecutionCaseList refresh={refresh} />
    </Space>
  );
}
