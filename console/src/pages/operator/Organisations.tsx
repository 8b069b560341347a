import { Alert, Card, Space, Table, Tag } from 'antd';
import { ORG_KIND_TEXT, text } from '../../format';
import { Operation, useSessionRecords } from './Operation';
import type { OrganisationRecord } from '../../api/results';

const FIELDS = 'code name kind disabled';

export function Organisations() {
  const [rows, add] = useSessionRecords<OrganisationRecord>('organisations', (r) => r.code);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Operation
        title="登记机构"
        fields={[
          { name: 'code', label: '机构代码', placeholder: '如 皖1525 或 AF-3415-009' },
          { name: 'name', label: '名称', placeholder: '如 霍山县人民法院', width: 220 },
          { name: 'kind', label: '类别', options: Object.entries(ORG_KIND_TEXT).map(([value, label]) => ({ value, label })) },
        ]}
        mutation={`mutation CreateOrganisation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${FIELDS} } }`}
        toVariables={(v) => ({ input: { code: v.code.trim(), name: v.name.trim(), kind: v.kind } })}
        onDone={(d: { createOrganisation: OrganisationRecord }) => add(d.createOrganisation)}
      />
      <Operation
        title="停用机构"
        danger
        fields={[{ name: 'code', label: '机构代码' }]}
        mutation={`mutation DisableOrganisation($code: String!) { disableOrganisation(code: $code) { ${FIELDS} } }`}
        toVariables={(v) => ({ code: v.code.trim() })}
        onDone={(d: { disableOrganisation: OrganisationRecord }) => add(d.disableOrganisation)}
      />
      <Card size="small" title="本次登录期间登记或停用的机构">
        <Alert type="info" showIcon message="府院通接口目前不提供机构清单查询；此处列出您在本次登录期间操作过的机构。" style={{ marginBottom: 12 }} />
        <Table size="small" rowKey="code" pagination={false} dataSource={rows} locale={{ emptyText: '本次登录期间还没有操作过机构' }} columns={[
          { title: '机构代码', dataIndex: 'code' },
          { title: '名称', dataIndex: 'name' },
          { title: '类别', render: (_, r) => text(ORG_KIND_TEXT, r.kind) },
          { title: '状态', render: (_, r) => (r.disabled ? <Tag>已停用</Tag> : <Tag color="green">启用</Tag>) },
        ]} />
      </Card>
    </Space>
  );
}
