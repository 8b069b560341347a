import { Space, Tag } from 'antd';
import { useState } from 'react';
import { ROLE_TEXT, text } from '../../format';
import type { UserRecord } from '../../api/results';
import { ManagedList } from './ManagedList';
import { Operation } from './Operation';

const FIELDS = 'username displayName role disabled organisation { code name }';
const ROLE_OPTIONS = Object.entries(ROLE_TEXT).map(([value, label]) => ({ value, label }));
const LIST = `query ManagedUsers($first: Int!, $after: String, $search: String, $role: Role) {
  managedUsers(first: $first, after: $after, search: $search, role: $role) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } } } }`;

export function Users() {
  const [refresh, setRefresh] = useState(0);
  const done = () => setRefresh((n) => n + 1);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Operation
        title="创建用户"
        fields={[
          { name: 'username', label: '用户名', placeholder: '小写字母、数字、. _ -' },
          { name: 'displayName', label: '姓名', placeholder: '如 执行员 李明' },
          { name: 'role', label: '角色', options: ROLE_OPTIONS },
          { name: 'organisationCode', label: '所属机构代码', placeholder: '如 皖1524' },
        ]}
        mutation={`mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ${FIELDS} } }`}
        toVariables={(v) => ({
          input: { username: v.username.trim(), displayName: v.displayName.trim(), role: v.role, organisationCode: v.organisationCode.trim() },
        })}
        onDone={done}
      />
      <Operation
        title="停用用户"
        danger
        fields={[{ name: 'username', label: '用户名' }]}
        mutation={`mutation DisableUser($username: String!) { disableUser(username: $username) { ${FIELDS} } }`}
        toVariables={(v) => ({ username: v.username.trim() })}
        onDone={done}
      />
      <ManagedList<UserRecord>
        title="用户"
        query={LIST}
        field="managedUsers"
        rowKey="username"
        unit="个"
        refresh={refresh}
        searchPlaceholder="按用户名或姓名查找，回车搜索"
        filter={{ name: 'role', label: '角色', options: ROLE_OPTIONS }}
        emptyText="没有用户"
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', render: (_, r) => text(ROLE_TEXT, r.role) },
          { title: '所属机构', render: (_, r) => `${r.organisation.name}（${r.organisation.code}）` },
          { title: '状态', render: (_, r) => (r.disabled ? <Tag>已停用</Tag> : <Tag color="green">启用</Tag>) },
        ]}
      />
    </Space>
  );
}
