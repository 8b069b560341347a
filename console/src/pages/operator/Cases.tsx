import { Alert, Card, Space, Table, Tag } from 'antd';
import { CASE_STATUS_TEXT, formatAmount, formatDate, SUBJECT_KIND_TEXT, text } from '../../format';
import { Operation, useSessionRecords } from './Operation';
import { parseParties } from './parties';
import type { BankruptcyCaseRecord, ExecutionCaseRecord } from '../../api/results';

export const EXECUTION_FIELDS = 'caseNo status filedOn amountDue court { name } respondents { kind name } clerks { username displayName }';
export const BANKRUPTCY_FIELDS = 'caseNo status acceptedOn acceptanceRulingNo court { name } debtor { kind name } appointments { firm { code name } decisionNo validFrom validTo ended }';

export function Cases() {
  const [execution, addExecution] = useSessionRecords<ExecutionCaseRecord>('execution-cases', (r) => r.caseNo);
  const [bankruptcy, addBankruptcy] = useSessionRecords<BankruptcyCaseRecord>('bankruptcy-cases', (r) => r.caseNo);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Operation
        title="立案（执行案件）"
        fields={[
          { name: 'caseNo', label: '案号', placeholder: '(2024)皖1524执130号', width: 200 },
          { name: 'filedOn', label: '立案日期', placeholder: '2024-06-03', width: 120 },
          { name: 'amountDue', label: '执行标的（元）', placeholder: '52000.00', width: 130 },
          { name: 'respondents', label: '被执行人', textarea: true, placeholder: '每行一个：证件号 名称，如\n341524198604123508 郑丽' },
        ]}
        mutation={`mutation CreateExecutionCase($input: CreateExecutionCaseInput!) { createExecutionCase(input: $input) { ${EXECUTION_FIELDS} } }`}
        toVariables={(v) => ({ input: { caseNo: v.caseNo.trim(), filedOn: v.filedOn.trim(), amountDue: v.amountDue.trim(), respondents: parseParties(v.respondents) } })}
        onDone={(d: { createExecutionCase: ExecutionCaseRecord }) => addExecution(d.createExecutionCase)}
      />
      <Operation
        title="结案（执行案件）"
        danger
        fields={[{ name: 'caseNo', label: '案号', width: 220 }]}
        mutation={`mutation CloseExecutionCase($caseNo: String!) { closeExecutionCase(caseNo: $caseNo) { ${EXECUTION_FIELDS} } }`}
        toVariables={(v) => ({ caseNo: v.caseNo.trim() })}
        onDone={(d: { closeExecutionCase: ExecutionCaseRecord }) => addExecution(d.closeExecutionCase)}
      />
      <Operation
        title="受理破产案件"
        fields={[
          { name: 'caseNo', label: '案号', placeholder: '(2024)皖1524破8号', width: 190 },
          { name: 'acceptedOn', label: '受理日期', placeholder: '2024-05-06', width: 120 },
          { name: 'acceptanceRulingNo', label: '受理裁定书', placeholder: '(2024)皖1524破申8号', width: 200 },
          { name: 'debtorId', label: '债务人信用代码', width: 200 },
          { name: 'debtorName', label: '债务人名称', width: 220 },
        ]}
        mutation={`mutation CreateBankruptcyCase($input: CreateBankruptcyCaseInput!) { createBankruptcyCase(input: $input) { ${BANKRUPTCY_FIELDS} } }`}
        toVariables={(v) => ({ input: { caseNo: v.caseNo.trim(), acceptedOn: v.acceptedOn.trim(), acceptanceRulingNo: v.acceptanceRulingNo.trim(), debtor: { idNumber: v.debtorId.trim(), name: v.debtorName.trim() } } })}
        onDone={(d: { createBankruptcyCase: BankruptcyCaseRecord }) => addBankruptcy(d.createBankruptcyCase)}
      />
      <Operation
        title="终结（破产案件）"
        danger
        fields={[{ name: 'caseNo', label: '案号', width: 220 }]}
        mutation={`mutation CloseBankruptcyCase($caseNo: String!) { closeBankruptcyCase(caseNo: $caseNo) { ${BANKRUPTCY_FIELDS} } }`}
        toVariables={(v) => ({ caseNo: v.caseNo.trim() })}
        onDone={(d: { closeBankruptcyCase: BankruptcyCaseRecord }) => addBankruptcy(d.closeBankruptcyCase)}
      />
      <Alert type="info" showIcon message="府院通接口目前不提供案件清单查询；下表列出您在本次登录期间操作过的案件。" />
      <ExecutionCaseTable rows={execution} />
      <Card size="small" title="破产案件">
        <Table size="small" rowKey="caseNo" pagination={false} dataSource={bankruptcy} locale={{ emptyText: '本次登录期间还没有操作过破产案件' }} columns={[
          { title: '案号', dataIndex: 'caseNo' },
          { title: '法院', render: (_, r) => r.court.name },
          { title: '受理日期', render: (_, r) => formatDate(r.acceptedOn) },
          { title: '债务人', render: (_, r) => r.debtor.name },
          { title: '状态', render: (_, r) => <Tag>{text(CASE_STATUS_TEXT, r.status)}</Tag> },
        ]} />
      </Card>
    </Space>
  );
}

export function ExecutionCaseTable({ rows }: { rows: ExecutionCaseRecord[] }) {
  return (
    <Card size="small" title="执行案件">
      <Table size="small" rowKey="caseNo" pagination={false} dataSource={rows} locale={{ emptyText: '本次登录期间还没有操作过执行案件' }} columns={[
        { title: '案号', dataIndex: 'caseNo' },
        { title: '法院', render: (_, r) => r.court.name },
        { title: '立案日期', render: (_, r) => formatDate(r.filedOn) },
        { title: '执行标的', render: (_, r) => formatAmount(r.amountDue) },
        { title: '被执行人', render: (_, r) => r.respondents.map((p) => `${p.name}（${text(SUBJECT_KIND_TEXT, p.kind)}）`).join('、') },
        { title: '承办书记员', render: (_, r) => r.clerks.map((c) => `${c.displayName}（${c.username}）`).join('、') || '—' },
        { title: '状态', render: (_, r) => <Tag>{text(CASE_STATUS_TEXT, r.status)}</Tag> },
      ]} />
    </Card>
  );
}
