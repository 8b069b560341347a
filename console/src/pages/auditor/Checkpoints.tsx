import { Alert, Button, Card, message, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api/errors';
import { graphql } from '../../api/graphql';
import { QueryProblem } from '../../components/QueryProblem';
import { formatDateTime } from '../../format';
import { useQuery } from '../../useQuery';

interface Answer {
  auditPublicKey: { keyId: string; algorithm: string; publicKeyPem: string };
  auditCheckpoints: Array<{ seq: string; hash: string; entryAt: string; signedAt: string; keyId: string; signature: string }>;
}

const QUERY = `query AuditCheckpoints { auditPublicKey { keyId algorithm publicKeyPem } auditCheckpoints(first: 20) { seq hash entryAt signedAt keyId signature } }`;
const CREATE = `mutation CreateAuditCheckpoint { createAuditCheckpoint { seq } }`;

export function Checkpoints() {
  const q = useQuery<Answer>(QUERY, {});
  const [creating, setCreating] = useState(false);
  const create = async () => {
    setCreating(true);
    try {
      const r = await graphql<{ createAuditCheckpoint: { seq: string } | null }>(CREATE);
      if (r.errors.length) message.error(errorText(r.errors[0], '检查点'));
      else message.success(r.data?.createAuditCheckpoint ? `已签署检查点：第 ${r.data.createAuditCheckpoint.seq} 条` : '审计日志为空，无需签署');
      q.reload();
    } finally {
      setCreating(false);
    }
  };
  const key = q.data?.auditPublicKey;
  return (
    <Card
      title="签名检查点"
      extra={
        <Button onClick={create} loading={creating}>
          立即签署检查点
        </Button>
      }
    >
      <QueryProblem q={q} field="auditCheckpoints" subject="检查点" />
      {key && (
        <Alert
          type="info"
          message={`验证公钥：${key.algorithm}，密钥编号 ${key.keyId}`}
          description={
            <Typography.Paragraph copyable={{ text: key.publicKeyPem }} className="pem">
              {key.publicKeyPem}
            </Typography.Paragraph>
          }
        />
      )}
      <Table
        loading={q.loading}
        size="small"
        rowKey="seq"
        pagination={false}
        dataSource={q.data?.auditCheckpoints ?? []}
        locale={{ emptyText: '还没有签名检查点（每 5 分钟自动签署一次，也可立即签署）' }}
        columns={[
          { title: '序号', dataIndex: 'seq' },
          { title: '记录时间', render: (_, r) => formatDateTime(r.entryAt) },
          { title: '签署时间', render: (_, r) => formatDateTime(r.signedAt) },
          { title: '密钥编号', dataIndex: 'keyId' },
          {
            title: '链哈希',
            render: (_, r) => (
              <Typography.Text code ellipsis={{ tooltip: r.hash }} style={{ maxWidth: 220 }}>
                {r.hash}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
