import { Alert, Badge, Card, Descriptions, Empty, Skeleton, Space, Tabs, Tag } from 'antd';
import { errorAt, sourceUnavailableText } from '../api/errors';
import { SOURCES, sourceByName, type SourceDefinition } from '../sources/registry';
import { SOURCE_STATE_TEXT, SUBJECT_KIND_TEXT, text } from '../format';
import { at, Val, type Place } from './Val';
import type { SubjectAnswer } from '../api/results';

interface Status {
  source: string;
  state: string;
  latencyMs: number;
}

/** The sources to show: those the hub reports for this subject, in the registry's order, then any it does not know. */
function sourcesOf(statuses: Status[] | undefined): Array<{ definition?: SourceDefinition; status?: Status; name: string }> {
  const reported = statuses ?? [];
  const known = SOURCES.map((definition) => ({
    definition,
    status: reported.find((s) => sourceByName(s.source) === definition),
    name: definition.name,
  }));
  const unknown = reported.filter((s) => !sourceByName(s.source)).map((status) => ({ definition: undefined, status, name: status.source }));
  return [...(reported.length ? known.filter((k) => k.status) : known), ...unknown];
}

function StatusBadge({ status }: { status?: Status }) {
  if (!status) return <Badge status="processing" />;
  return <Badge status={status.state === 'OK' ? 'success' : 'error'} />;
}

/** A person or an enterprise reached through a case: identity, then one tab per agency source with its status. */
export function SubjectView({ subject, place }: { subject: SubjectAnswer; place: Place }) {
  const isPerson = subject.kind === 'PERSON';
  const tabs = sourcesOf(subject.sourceStatus ?? undefined).map(({ definition, status, name }) => {
    const label = definition?.label ?? name;
    const stateText = status
      ? status.state === 'OK'
        ? `正常，${Math.round(status.latencyMs)} 毫秒`
        : sourceUnavailableText(name, status.state)
      : '';
    const unavailable = definition?.fields
      .map((f) => errorAt(place.errors, [...place.path, f]))
      .find((e) => e?.extensions?.code === 'SOURCE_UNAVAILABLE');
    const denied = definition?.fields.map((f) => errorAt(place.errors, [...place.path, f])).find((e) => e?.extensions?.code === 'FORBIDDEN');
    let body;
    if (!definition) body = <Empty description={`控制台暂不能显示“${name}”数据源的内容`} />;
    else if (unavailable || (status && status.state !== 'OK'))
      body = (
        <Alert
          type="error"
          showIcon
          message={sourceUnavailableText(name, status?.state ?? unavailable?.extensions?.state)}
          description="该部门的数据本次未能获取，其余部门的数据不受影响；可稍后重新查询。"
        />
      );
    else if (denied) body = <Alert type="warning" showIcon message="无权查看" description="访问策略不允许您的角色查看该部门的数据。" />;
    else if (definition.fields.every((f) => subject[f] === null || subject[f] === undefined))
      body = <Empty description={`${definition.agency}未返回该主体的记录`} />;
    else body = <definition.Panel subject={subject} place={place} />;
    return {
      key: name,
      forceRender: true,
      label: (
        <span data-source={name}>
          <StatusBadge status={status} /> {label}
          {status && status.state !== 'OK' && (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {text(SOURCE_STATE_TEXT, status.state)}
            </Tag>
          )}
        </span>
      ),
      children: (
        <div className="source-pane" data-source-pane={name}>
          <h4 className="print-only">
            {label}（{stateText}）
          </h4>
          <div className="source-state">
            数据来源：{definition?.agency ?? name}
            {'\u3000'}状态：{stateText}
          </div>
          {body}
        </div>
      ),
    };
  });
  return (
    <Card
      className="subject-card"
      title={
        <Space>
          <span className="subject-name">{subject.name ?? '—'}</span>
          <Tag>{text(SUBJECT_KIND_TEXT, subject.kind)}</Tag>
        </Space>
      }
    >
      <Descriptions size="small" column={isPerson ? 3 : 2} className="subject-identity">
        <Descriptions.Item label={isPerson ? '身份证号' : '统一社会信用代码'}>
          <Val place={at(place, 'idNumber')} value={subject.idNumber} />
        </Descriptions.Item>
        {isPerson && (
          <Descriptions.Item label="电话">
            <Val place={at(place, 'phone')} value={subject.phone} />
          </Descriptions.Item>
        )}
        {isPerson && (
          <Descriptions.Item label="住址">
            <Val place={at(place, 'address')} value={subject.address} />
          </Descriptions.Item>
        )}
      </Descriptions>
      <Tabs items={tabs} />
    </Card>
  );
}

/** While the inquiry runs: one tab per source, each saying which agency is being asked. */
export function SubjectLoading() {
  return (
    <Card className="subject-card" title={<Skeleton.Input active size="small" />}>
      <Tabs
        items={SOURCES.map((s) => ({
          key: s.name,
          label: (
            <span>
              <Badge status="processing" /> {s.label}
            </span>
          ),
          children: (
            <div>
              <div className="source-state">正在查询{s.agency}…</div>
              <Skeleton active paragraph={{ rows: 3 }} />
            </div>
          ),
        }))}
      />
    </Card>
  );
}
