import { Space } from 'antd';
import { EXECUTION_FIELDS, ExecutionCaseTable } from './Cases';
import { Operation, useSessionRecords } from './Operation';
import type { ExecutionCaseRecord } from '../../api/results';

export function Assignments() {
  const [rows, add] = useSessionRecords<ExecutionCaseRecord>('execution-cases', (r) => r.caseNo);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Operation
        title="分配书记员"
        fields={[{ name: 'caseNo', label: '案号', width: 220 }, { name: 'username', label: '书记员用户名' }]}
        mutation={`mutation AssignClerk($caseNo: String!, $username: String!) { assignClerk(caseNo: $caseNo, username: $username) { ${EXECUTION_FIELDS} } }`}
        toVariables={(v) => ({ caseNo: v.caseNo.trim(), username: v.username.trim() })}
        onDone={(d: { assignClerk: ExecutionCaseRecord }) => add(d.assignClerk)}
      />
      <Operation
        title="取消分配"
        danger
        fields={[{ name: 'caseNo', label: '案号', width: 220 }, { name: 'username', label: '书记员用户名' }]}
        mutation={`mutation UnassignClerk($caseNo: String!, $username: String!) { unassignClerk(caseNo: $caseNo, username: $username) { ${EXECUTION_FIELDS} } }`}
        toVariables={(v) => ({ caseNo: v.caseNo.trim(), username: v.username.trim() })}
        onDone={(d: { unassignClerk: ExecutionCaseRecord }) => add(d.unassignClerk)}
      />
      <ExecutionCaseTable rows={rows} />
    </Space>
  );
}
