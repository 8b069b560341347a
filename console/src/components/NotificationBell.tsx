import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover } from 'antd';
import { useEffect } from 'react';
import { graphql } from '../api/graphql';
import type { Connection } from '../api/results';
import { formatDateTime } from '../format';
import { useQuery } from '../useQuery';

interface Notification {
  id: string;
  kind: string;
  message: string;
  orderId: string | null;
  createdAt: string;
  read: boolean;
}

const QUERY = `query Notifications { notifications(first: 20) { totalCount edges { node { id kind message orderId createdAt read } } pageInfo { hasNextPage endCursor } }
  unread: notifications(unreadOnly: true, first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
const MARK = `mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;

/** The bell: unread notifications (a receipt arrived, a queued measure became first, a measure is about to end). */
export function NotificationBell() {
  const q = useQuery<{ notifications: Connection<Notification> | null; unread: Connection<{ id: string }> | null }>(QUERY, {});
  const { reload } = q;
  useEffect(() => {
    const timer = window.setInterval(reload, 15000);
    return () => window.clearInterval(timer);
  }, [reload]);
  const items = (q.data?.notifications?.edges ?? []).map((e) => e.node);
  const unread = q.data?.unread?.totalCount ?? 0;
  const markRead = async () => {
    const ids = items.filter((n) => !n.read).map((n) => n.id);
    if (ids.length) await graphql(MARK, { ids });
    reload();
  };
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <span>
          通知{' '}
          <Button type="link" size="small" onClick={markRead} disabled={!unread}>
            全部标为已读
          </Button>
        </span>
      }
      content={
        <List<Notification>
          className="notification-list"
          style={{ width: 420, maxHeight: 360, overflow: 'auto' }}
          size="small"
          dataSource={items}
          locale={{ emptyText: '没有通知' }}
          renderItem={(n) => (
            <List.Item className={n.read ? 'notification-read' : 'notification-unread'}>
              <List.Item.Meta title={n.message} description={formatDateTime(n.createdAt)} />
            </List.Item>
          )}
        />
      }
    >
      <Badge count={unread} size="small" className="notification-bell">
        <Button type="link" icon={<BellOutlined />} aria-label={`通知（${unread} 条未读）`} onClick={reload} />
      </Badge>
    </Popover>
  );
}
