import { Tag, Tooltip, Typography } from 'antd';
import type { PartStatus, ScheduleRollup, ScheduleRow } from '../api/view-types';
import { useI18n } from '../i18n/i18n';
import { pct } from './format';
import { DenseTable } from './DenseTable';

export const STATUS_COLOR: Record<PartStatus, string> = { done: 'green', on_track: 'blue', behind: 'orange', not_reported: 'red' };

export function StatusTag({ status }: { status: PartStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`status_${status}`)}</Tag>;
}

/** A stock-take's ranking: one row per unit, its standing, value against target and its report. */
export function ScheduleTable({ rows, testId }: { rows: readonly ScheduleRow[]; testId?: string }) {
  const { t } = useI18n();
  return (
    <DenseTable<ScheduleRow>
      data-testid={testId}
      rowKey="unitId"
      dataSource={rows as ScheduleRow[]}
      pagination={{ pageSize: 30, size: 'small', hideOnSinglePage: true }}
      scroll={{ x: 760 }}
      expandable={{
        rowExpandable: (r) => r.report !== null,
        expandedRowRender: (r) => (
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }}>
            {r.report?.narrative}
            {r.report && r.report.evidence.length > 0 && <Typography.Text type="secondary">{`\n佐证 evidence: ${r.report.evidence.join('，')}`}</Typography.Text>}
            {r.report?.comments.map((c, i) => <Typography.Text key={i} type="success">{`\n${t('reviewComment')}: ${c}`}</Typography.Text>)}
            {r.report?.returned && <Typography.Text type="danger">{`\n${t('returnReason')}: ${r.report.returned.reason}`}</Typography.Text>}
          </Typography.Paragraph>
        ),
      }}
      columns={[
        { title: t('rank'), dataIndex: 'rank', width: 56 },
        { title: t('unit'), dataIndex: 'name', width: 180 },
        { title: t('responsible'), dataIndex: 'responsible', width: 90 },
        { title: t('stockTake'), width: 110, render: (_, r) => <StatusTag status={r.status} /> },
        { title: t('valueReached'), width: 90, render: (_, r) => (r.target === null ? '—' : `${r.value ?? '—'} / ${r.target}`) },
        { title: t('share'), width: 80, render: (_, r) => pct(r.share) },
        {
          title: t('stockTakeHistory'),
          width: 140,
          render: (_, r) =>
            r.history.map((h) => (
              <Tooltip key={h.stockTakeId} title={`${h.stockTakeId}: ${t(`status_${h.status}`)}`}>
                <span style={{ display: 'inline-block', width: 10, height: 10, marginInlineEnd: 3, borderRadius: 2, background: STATUS_SWATCH[h.status] }} />
              </Tooltip>
            )),
        },
      ]}
    />
  );
}

const STATUS_SWATCH: Record<PartStatus, string> = { done: '#52c41a', on_track: '#1677ff', behind: '#fa8c16', not_reported: '#f5222d' };

/** The counts rolled up to township, county and city, ranked within each level. */
export function ScheduleRollupTable({ rollups }: { rollups: readonly ScheduleRollup[] }) {
  const { t } = useI18n();
  return (
    <DenseTable<ScheduleRollup>
      data-testid="schedule-rollups"
      rowKey="unitId"
      dataSource={rollups as ScheduleRollup[]}
      pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
      scroll={{ x: 640 }}
      columns={[
        { title: t('unit'), width: 160, render: (_, r) => `${r.name}（${r.levelName}）` },
        { title: t('rank'), dataIndex: 'rank', width: 56 },
        { title: t('units'), dataIndex: 'parts', width: 64 },
        { title: t('status_done'), width: 72, render: (_, r) => r.counts.done },
        { title: t('status_on_track'), width: 90, render: (_, r) => r.counts.on_track },
        { title: t('status_behind'), width: 64, render: (_, r) => r.counts.behind },
        { title: t('status_not_reported'), width: 72, render: (_, r) => r.counts.not_reported },
        { title: t('onTrackShare'), width: 110, render: (_, r) => pct(r.onTrackShare) },
      ]}
    />
  );
}
