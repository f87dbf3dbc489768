import { PaperClipOutlined } from '@ant-design/icons';
import { Card, Input, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { unwrap } from '../api/errors';
import { api } from '../api/http';
import type { PublicProblem } from '../api/view-types';
import { useI18n } from '../i18n/i18n';
import { Pending } from '../shared/QueryFailed';

/**
 * 公示: the published rectification plans and their results, for anyone, without signing in.
 * A city publishes thousands: a reader finds their unit by name and reads them a page at a time.
 */
export default function PublicProblemsPage() {
  const { campaignId = '' } = useParams();
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const list = useQuery({
    queryKey: ['public-problems', campaignId],
    queryFn: async () =>
      unwrap<{ campaignName: string; total: number; problems: PublicProblem[] }>(
        await api.GET('/api/public/campaigns/{campaignId}/problems', { params: { path: { campaignId } } }),
      ),
  });
  const shown = useMemo(() => {
    const q = query.trim();
    const all = list.data?.problems ?? [];
    return q ? all.filter((p) => p.responsibleUnitName.includes(q) || p.description.includes(q)) : all;
  }, [list.data, query]);
  if (!list.data) return <Pending queries={[list]} what={t('publishedProblems')} testId="public-problems-failed" />;
  return (
    <Card size="small" title={`${t('publishedProblems')} · ${list.data.campaignName}`} extra={t('total', { n: list.data.total })}>
      <Input.Search allowClear placeholder={t('findUnit')} onSearch={setQuery} onChange={(e) => !e.target.value && setQuery('')} style={{ marginBottom: 8 }} data-testid="public-search" />
      <List
        data-testid="public-problems"
        dataSource={shown}
        pagination={{ pageSize: 20, size: 'small', showSizeChanger: false, align: 'center' }}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta
              title={<>{p.responsibleUnitName} <Tag color={p.statusName.includes('销号') || p.statusName.includes('解决') ? 'green' : 'blue'}>{p.statusName}</Tag></>}
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>{p.description}</Typography.Paragraph>
                  {p.measures.map((m, i) => (
                    <div key={i} style={{ fontSize: 13 }}>{i + 1}. {m}</div>
                  ))}
                  {p.deadline && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('deadline')}：{p.deadline}</Typography.Text>}
                  {(p.files?.length ?? 0) > 0 && (
                    <div style={{ fontSize: 12 }}>
                      {t('evidenceFiles')}：
                      {p.files!.map((hash) => (
                        // Public files need no token: a plain link downloads them.
                        <a key={hash} href={`/api/public/problems/${encodeURIComponent(p.problemId)}/files/${hash}`} style={{ marginInlineStart: 8 }} data-testid="public-file">
                          <PaperClipOutlined /> {hash.slice(0, 8)}
                        </a>
                      ))}
                    </div>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
