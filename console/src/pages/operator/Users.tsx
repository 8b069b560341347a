import { Alert, Card, Space, Table, Tag } from 'antd';
import { ROLE_TEXT, text } from '../../format';
import { Operation, useSessionRecords } from './Operation';
import type { UserRecord } from '../../api/results';

const FIELDS = 'username displayName role disabled organisation { code name }';

export function Users() {
  const [rows, add] = useSessionRecords<UserRecord>('users', (r) => r.username);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Operation
        title="创建用户"
        fields={[
          { name: 'username', label: '用户名', placeholder: '小写字母、数字、. _ -' },
          { name: 'displayName', label: '姓名', placeholder: '如 执行员 李明' },
          { name: 'role', label: '角色', options: Object.entries(ROLE_TEXT).map(([value, label]) => ({ value, label })) },
          { name: 'organisationCode', label: '所属机构代码', placeholder: '如 皖1524' },
        ]}
        mutation={`mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ${FIELDS} } }`}
        toVariables={(v) => ({ input: { username: v.username.trim(), displayName: v.displayName.trim(), role: v.role, organisationCode: v.organisationCode.trim() } })}
        onDone={(d: { createUser: UserRecord }) => add(d.createUser)}
      />
      <Operation
        title="停用用户"
        danger
        fields={[{ name: 'username', label: '用户名' }]}
        mutation={`mutation DisableUser($username: String!) { disableUser(username: $username) { ${FIELDS} } }`}
        toVariables={(v) => ({ username: v.username.trim() })}
        onDone={(d: { disableUser: UserRecord }) => add(d.disableUser)}
      />
      <Card size="small" title="用户">
        <Alert type="info" showIcon message="府院通接口目前不提供用户清单查询；此处列出您在本次登录期间创建或停用的用户。停用后其令牌立即失效。" style={{ marginBottom: 12 }} />
        <Table size="small" rowKey="username" pagination={false} dataSource={rows} locale={{ emptyText: '本次登录期间还没有创建或停用用户' }} columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', render: (_, r) => text(ROLE_TEXT, r.role) },
          { title: '所属机构', render: (_, r) => `${r.organisation.name}（${r.organisation.code}）` },
          { title: '状态', render: (_, r) => (r.disabled ? <Tag>已停用</Tag> : <Tag color="green">启用</Tag>) },
        ]} />
      </Card>
    </Space>
  );
}
