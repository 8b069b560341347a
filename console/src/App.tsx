import { LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Layout, Menu, Spin, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorText } from './api/errors';
import { graphql, TransportError } from './api/graphql';
import { currentToken, signOut, takeTokenFromLocation } from './auth/session';
import { ROLE_TEXT, text } from './format';
import { pagesFor, resolvePage } from './pages';
import { SignIn } from './pages/SignIn';
import { NotificationBell } from './components/NotificationBell';
import { navigate, useLocationPath } from './router';

interface Me {
  username: string;
  displayName: string;
  role: string;
  organisation: { name: string };
  source: string | null;
}

const ME = `query Me { me { username displayName role organisation { name } source } }`;

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const path = useLocationPath();

  const loadMe = useCallback(async () => {
    takeTokenFromLocation();
    if (!currentToken()) {
      setMe(null);
      setChecking(false);
      return;
    }
    setChecking(true);
    try {
      const r = await graphql<{ me: Me }>(ME);
      if (r.data?.me) {
        setMe(r.data.me);
        setNotice(null);
      } else {
        signOut();
        setMe(null);
        setNotice(errorText(r.errors[0]));
      }
    } catch (e) {
      setNotice(e instanceof TransportError ? e.message : '无法连接府院通服务。');
    } finally {
      setChecking(false);
    }
  }, []);

  useEffect(() => {
    void loadMe();
    const expired = () => {
      signOut();
      setMe(null);
      setNotice('登录已失效，请重新登录。');
    };
    // A sign-on page may hand over a token (#token=…) to a console tab that is already open.
    const handedOver = () => /(?:^#|&)token=/.test(window.location.hash) && void loadMe();
    window.addEventListener('fuyuantong:unauthenticated', expired);
    window.addEventListener('hashchange', handedOver);
    return () => {
      window.removeEventListener('fuyuantong:unauthenticated', expired);
      window.removeEventListener('hashchange', handedOver);
    };
  }, [loadMe]);

  if (checking) return <Spin fullscreen tip="正在验证登录…" />;
  if (!me)
    return (
      <SignIn
        notice={notice}
        onSignedIn={() => {
          navigate('/');
          void loadMe();
        }}
      />
    );

  const pages = pagesFor(me.role, me.source);
  const { page, argument } = resolvePage(me.role, path, me.source);
  return (
    <Layout className="shell">
      <Layout.Header className="header no-print">
        <span className="brand">府院通</span>
        <span className="header-user">
          {['CLERK', 'APPROVER', 'JUDGE', 'ADMINISTRATOR'].includes(me.role) && <NotificationBell />}
          {me.displayName} <Tag color="blue">{text(ROLE_TEXT, me.role)}</Tag> {me.organisation.name}
          <Button
            type="link"
            icon={<LogoutOutlined />}
            onClick={() => {
              signOut();
              setMe(null);
              navigate('/');
            }}
          >
            退出
          </Button>
        </span>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={188} theme="light" className="no-print">
          <Menu
            mode="inline"
            selectedKeys={[page?.path ?? '']}
            items={pages.filter((p) => p.label).map((p) => ({ key: p.path, icon: p.icon, label: p.label }))}
            onClick={({ key }) => navigate(key)}
          />
          <div className="sider-footer">
            <a href="/graphiql">GraphiQL（开发者）</a>
          </div>
        </Layout.Sider>
        <Layout.Content className="content">
          {page ? page.render(argument) : <Alert type="warning" message="您的角色在控制台中没有可用的页面。" />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
