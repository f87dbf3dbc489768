import { Card, Descriptions, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { useNotice } from '../api/queries';
import type { BoardRow, KeyTaskSchedule } from '../api/view-types';
import { useI18n } from '../i18n/i18n';
import { dateTime, pct, rateColor } from '../shared/format';
import { ScheduleRollupTable, ScheduleTable } from '../shared/ScheduleTable';
import { InstructionPanel } from '../shared/InstructionPanel';
import { DenseTable } from '../shared/DenseTable';
import { Pending } from '../shared/QueryFailed';

/** One notice as published: its ranking is the stored snapshot, reproducible from the event log. */
export default function NoticePage() {
  const { noticeId = '' } = useParams();
  const { t } = useI18n();
  const notice = useNotice(noticeId);
  if (!notice.data) return <Pending queries={[notice]} what={t('target_notice')} testId="notice-failed" />;
  const n = notice.data;
  if (n.kind === 'key-task') {
    const schedule = n.snapshot as unknown as KeyTaskSchedule;
    return (
      <Card size="small" title={n.title}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="通报日期">{n.noticeDate}</Descriptions.Item>
          <Descriptions.Item label={t('keyTask')}>{schedule.task.title}</Descriptions.Item>
          <Descriptions.Item label={t('stockTake')}>{schedule.stockTake?.label}</Descriptions.Item>
          <Descriptions.Item label="数据截至位置">{n.position}</Descriptions.Item>
          <Descriptions.Item label="快照摘要" span={2}>
            <Typography.Text code copyable style={{ fontSize: 11 }}>{n.snapshotHash}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <ScheduleTable rows={schedule.rows} testId="notice-ranking" />
        <ScheduleRollupTable rollups={schedule.rollups} />
      </Card>
    );
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
    <Card size="small" title={n.title}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="通报日期">{n.noticeDate}</Descriptions.Item>
        <Descriptions.Item label="发布">{n.publishedBy} · {dateTime(n.publishedAt)}</Descriptions.Item>
        <Descriptions.Item label="数据截至位置">{n.position}</Descriptions.Item>
        <Descriptions.Item label="排名指标">{n.snapshot.rankByName}</Descriptions.Item>
        <Descriptions.Item label="快照摘要" span={2}>
          <Typography.Text code copyable style={{ fontSize: 11 }}>{n.snapshotHash}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <DenseTable<BoardRow>
        data-testid="notice-ranking"
        rowKey="unitId"
        dataSource={n.snapshot.rows as BoardRow[]}
        pagination={{ pageSize: 30, size: 'small' }}
        scroll={{ x: 700 }}
        columns={[
          { title: t('rank'), dataIndex: 'rank', width: 56 },
          { title: t('unit'), dataIndex: 'name', width: 200 },
          { title: t('stage'), dataIndex: 'stageName', width: 90 },
          { title: t('stepCompletion'), width: 90, render: (_, r) => pct(r.metrics.stepCompletion) },
          { title: t('completionRate'), width: 90, render: (_, r) => <span style={{ color: rateColor(r.metrics.completionRate) }}>{pct(r.metrics.completionRate)}</span> },
          { title: t('satisfaction'), width: 80, render: (_, r) => pct(r.metrics.satisfactionRate) },
        ]}
      />
    </Card>
    <InstructionPanel kind="notice" id={noticeId} defaultUnitIds={[]} />
    </Space>
  );
}
