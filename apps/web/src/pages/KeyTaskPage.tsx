import { Button, Card, Descriptions, List, Select, Space, Tag, Typography } from 'antd';
import { useState, useSyncExternalStore } from 'react';
import { Link, useParams } from 'react-router';
import { useKeyTaskNotices, useKeyTaskSchedule } from '../api/queries';
import type { PartStatus } from '../api/view-types';
import { session } from '../auth/session';
import { AssignPartsForm, ReportProgressForm, ReviewReportForm, ScheduleStockTakeForm, StockTakeOfficeForms } from '../forms/KeyTaskForms';
import { useI18n } from '../i18n/i18n';
import { useAppState } from '../shared/app-state';
import { download } from '../shared/download';
import { pct } from '../shared/format';
import { ScheduleRollupTable, ScheduleTable, STATUS_COLOR } from '../shared/ScheduleTable';
import { Pending } from '../shared/QueryFailed';

const STATUSES: PartStatus[] = ['done', 'on_track', 'behind', 'not_reported'];

/** One key task's schedule: a stock-take's ranking per unit, the roll-ups, and the forms of whoever acts on it. */
export default function KeyTaskPage() {
  const { taskId = '' } = useParams();
  const { t } = useI18n();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  const { asOf } = useAppState();
  const [stockTakeId, setStockTakeId] = useState<string | undefined>();
  const schedule = useKeyTaskSchedule(taskId, stockTakeId);
  const notices = useKeyTaskNotices(taskId);
  if (!schedule.data) return <Pending queries={[schedule]} what={t('keyTask')} testId="key-task-failed" />;
  const s = schedule.data;
  const take = s.stockTake;
  const office = user.role === 'office' || user.role === 'admin';
  const reviewer = office || user.role === 'inspector';
  const counted = s.task.target !== null;
  const ownRow = user.role === 'operator' ? s.rows.find((r) => user.scopeUnitIds?.includes(r.unitId)) : undefined;
  const exportPath = (format: 'xlsx' | 'csv') =>
    `/api/key-tasks/${taskId}/schedule/export?format=${format}${take ? `&stockTakeId=${take.stockTakeId}` : ''}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={s.task.title} data-testid="key-task-card">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('taskDeadline')}>{s.task.deadline}</Descriptions.Item>
          {s.task.target && <Descriptions.Item label={t('taskTarget')}>{`${s.task.target.quantity} ${s.task.target.unit}`}</Descriptions.Item>}
          <Descriptions.Item label={t('taskMeasures')}>{s.task.measuresOfDone.join('；')}</Descriptions.Item>
        </Descriptions>
        {s.task.description && <Typography.Paragraph type="secondary">{s.task.description}</Typography.Paragraph>}
        <Space wrap size={8}>
          <Select
            data-testid="stock-take-select"
            style={{ minWidth: 200 }}
            placeholder={t('noStockTake')}
            value={take?.stockTakeId}
            onChange={setStockTakeId}
            options={s.stockTakes.map((st) => ({ value: st.stockTakeId, label: `${st.label}（${st.dueOn}）${st.open ? '' : ' ✓'}` }))}
          />
          {take && <Typography.Text type="secondary">{t('expectedShare', { pct: pct(take.expectedShare) })}</Typography.Text>}
          {STATUSES.map((st) => (
            <Tag key={st} color={STATUS_COLOR[st]} data-testid={`count-${st}`}>
              {t(`status_${st}`)} {s.counts[st]}
            </Tag>
          ))}
          <Button size="small" onClick={() => void download(exportPath('xlsx'), `${s.task.title}.xlsx`)}>
            {t('exportXlsx')}
          </Button>
          <Button size="small" onClick={() => void download(exportPath('csv'), `${s.task.title}.csv`)}>
            {t('exportCsv')}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={`${t('rank')} · ${take?.label ?? ''}`}>
        <ScheduleTable rows={s.rows} testId="schedule-table" />
      </Card>
      <Card size="small" title={t('rollupsByLevel')}>
        <ScheduleRollupTable rollups={s.rollups} />
      </Card>
      {!asOf && take?.open && ownRow && <ReportProgressForm taskId={taskId} stockTakeId={take.stockTakeId} unitId={ownRow.unitId} counted={counted} />}
      {!asOf && take?.open && reviewer && <ReviewReportForm taskId={taskId} schedule={s} />}
      {!asOf && office && take && <StockTakeOfficeForms taskId={taskId} stockTakeId={take.stockTakeId} open={take.open} />}
      {!asOf && office && <ScheduleStockTakeForm taskId={taskId} />}
      {!asOf && office && <AssignPartsForm taskId={taskId} counted={counted} />}
      <Card size="small" title={t('taskNotices')}>
        <List
          size="small"
          data-testid="key-task-notices"
          dataSource={notices.data ?? []}
          renderItem={(n) => (
            <List.Item>
              <Link to={`/notices/${n.noticeId}`}>{n.title}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {n.noticeDate} · {n.stockTakeId}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
