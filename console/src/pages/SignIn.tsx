import { LoginOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Divider, Input, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { saveToken } from '../auth/session';
import { ROLE_TEXT, text } from '../format';

interface DevUser {
  username: string;
  displayName: string;
  role: string;
  organisation: string;
}

/**
 * Production: the court's sign-on page issues the token; paste it here (or be redirected to /console/#token=…).
 * Development: the hub's development-only endpoint lists the users and signs a token for the one chosen.
 */
export function SignIn({ notice, onSignedIn }: { notice?: string | null; onSignedIn: () => void }) {
  const [users, setUsers] = useState<DevUser[] | null>(null);
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    fetch('/dev/users')
      .then((r) => (r.ok ? r.json() : null))
      .then((body) => setUsers(body?.users ?? []))
      .catch(() => setUsers([]));
  }, []);

  const signInAs = async (username: string) => {
    setBusy(username);
    setProblem(null);
    try {
      const r = await fetch('/dev/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }) });
      if (!r.ok) throw new Error();
      saveToken((await r.json()).token);
      onSignedIn();
    } catch {
      setProblem('登录失败：该用户不存在或已停用。');
    } finally {
      setBusy(null);
    }
  };

  const usePasted = () => {
    const value = token.trim().replace(/^Bearer\s+/i, '');
    if (!/^[A-Za-z0-9._~+/-]+=*$/.test(value)) {
      setProblem('令牌格式不正确，请从统一身份认证页面完整复制。');
      return;
    }
    saveToken(value);
    onSignedIn();
  };

  return (
    <div className="sign-in">
      <Card title={<span>府院通 · 登录</span>} style={{ width: 560 }}>
        {notice && <Alert type="warning" showIcon message={notice} style={{ marginBottom: 16 }} />}
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
        {users && users.length > 0 && (
          <>
            <Alert type="info" message="开发环境：选择一个演示用户登录（生产环境不提供此功能）。" style={{ marginBottom: 12 }} />
            <List
              className="dev-users"
              dataSource={users}
              renderItem={(u) => (
                <List.Item
                  actions={[
                    <Button
                      key="go"
                      type="primary"
                      size="small"
                      icon={<LoginOutlined />}
                      loading={busy === u.username}
                      onClick={() => signInAs(u.username)}
                      aria-label={`以 ${u.username} 登录`}
                    >
                      登录
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <span>
                        {u.displayName} <Tag>{text(ROLE_TEXT, u.role)}</Tag>
                      </span>
                    }
                    description={`${u.username} · ${u.organisation}`}
                  />
                </List.Item>
              )}
            />
            <Divider plain>或使用令牌登录</Divider>
          </>
        )}
        <Typography.Paragraph type="secondary">
          请在本单位统一身份认证（单点登录）页面登录后，复制“府院通访问令牌”，粘贴到下方。令牌只保存在本浏览器标签页中，关闭即失效。
        </Typography.Paragraph>
        <Input.TextArea rows={3} value={token} onChange={(e) => setToken(e.target.value)} placeholder="粘贴访问令牌" aria-label="访问令牌" />
        <Button type="primary" block style={{ marginTop: 12 }} onClick={usePasted} disabled={!token.trim()}>
          使用令牌登录
        </Button>
      </Card>
    </div>
  );
}
