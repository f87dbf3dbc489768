import { Alert, App, Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useSyncExternalStore } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAssessmentPeriods, useAssessmentResults } from '../api/assessment-queries';
import type { ResultRow } from '../api/assessment-types';
import { useCommand } from '../api/commands';
import { api } from '../api/http';
import { session } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { useAppState } from '../shared/app-state';
import { ExportButtons } from '../shared/ExportButtons';
import { dateTime } from '../shared/format';
import { AppealTag, GRADE_COLORS } from './assessments/assessment-tags';

/** 考核结果: a period's ranking with its grade bands; working scores only for the office and the assessing group. */
export default function AssessmentsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  const { asOf } = useAppState();
  const [params, setParams] = useSearchParams();
  const periods = useAssessmentPeriods();
  const periodId = params.get('period') ?? periods.data?.[0]?.periodId;
  const results = useAssessmentResults(periodId);
  const publish = useCommand((_: Record<string, never>, headers) => api.POST('/api/assessments/{periodId}/publication', { params: { path: { periodId: periodId! } }, body: {}, headers }));
  const data = results.data;
  const period = data?.period;
  const exportUrl = (format: 'xlsx' | 'csv') => `/api/assessments/${periodId}/results/export?format=${format}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`;

  if (periods.data && periods.data.length === 0) return <Empty description={t('noAssessment')} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Select
          data-testid="period-select"
          style={{ minWidth: 260, maxWidth: '100%' }}
          loading={periods.isLoading}
          value={periodId}
          placeholder={t('assessmentPeriod')}
          options={(periods.data ?? []).map((p) => ({ value: p.periodId, label: p.title }))}
          onChange={(v) => setParams({ period: v })}
        />
        <ExportButtons path={exportUrl} name="results" testId="export-results" disabled={!periodId} />
        {!asOf && period && !period.published && (user.role === 'office' || user.role === 'admin') && (
          <Button
            type="primary"
            size="small"
            data-testid="publish-results"
            loading={publish.isPending}
            onClick={() => publish.mutateAsync({}).then(() => message.success(t('saved'))).catch((e: Error) => message.warning(e.message))}
          >
            {t('publishResults')}
          </Button>
        )}
      </Space>
      {period && (
        <Card size="small" title={period.title} extra={period.published ? <Tag color="green">{t('published')} · {dateTime(period.publishedAt)}</Tag> : <Tag>{t('unpublished')}</Tag>}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {period.from} — {period.to} · {period.schemeId} v{period.schemeVersion} · 满分 {period.maxScore} · {t('units')} {period.unitCount}
          </Typography.Paragraph>
          <Space wrap size={4} data-testid="grade-bands">
            {data.grades.map((g) => (
              <Tag key={g.grade} color={GRADE_COLORS[data.grades.findIndex((x) => x.grade === g.grade)] ?? 'default'}>
                {g.grade} ≥ {g.minScore}
                {period.published ? ` · ${g.count}` : ''}
              </Tag>
            ))}
          </Space>
        </Card>
      )}
      {data && !data.scoresVisible && <Alert type="info" showIcon title={t('scoresHidden')} />}
      <Table<ResultRow>
        data-testid="results-table"
        size="small"
        rowKey="unitId"
        loading={results.isLoading}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 520 + (period?.criteria.length ?? 0) * 90 }}
        columns={[
          { title: t('rank'), dataIndex: 'rank', width: 56, fixed: 'left', render: (v: number | null) => v ?? '—' },
          { title: t('unit'), dataIndex: 'name', fixed: 'left', width: 160, render: (name: string, r) => <Link to={`/assessments/${periodId}/units/${r.unitId}`}>{name}</Link> },
          { title: t('totalScore'), dataIndex: 'total', width: 72, render: (v: number | null, r) => v ?? (r.scored ? t('scored') : t('notScored')) },
          { title: t('grade'), dataIndex: 'grade', width: 72, render: (g: string | null) => (g ? <Tag color={GRADE_COLORS[period?.bands.findIndex((b) => b.grade === g) ?? -1] ?? 'default'}>{g}</Tag> : '—') },
          { title: t('selfScore'), dataIndex: 'selfTotal', width: 72, render: (v: number | null) => v ?? '—' },
          ...(period?.criteria ?? []).map((c) => ({
            title: `${c.title}(${c.rule.max})`,
            key: c.criterionId,
            width: 90,
            render: (_: unknown, r: ResultRow) => r.byCriterion?.[c.criterionId] ?? '—',
          })),
          { title: t('appeal'), dataIndex: 'appeal', width: 100, render: (a: ResultRow['appeal']) => <AppealTag appeal={a} /> },
        ]}
      />
    </Space>
  );
}
