import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Pagination, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { unwrap } from '../api/errors';
import { api } from '../api/http';
import type { operations } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';

type Answer = operations['search']['responses'][200]['content']['application/json'];
type Hit = Answer['items'][number];
type Segment = { text: string; match: boolean };
type Kind = NonNullable<NonNullable<operations['search']['parameters']['query']>['kind']>;

const PAGE_SIZE = 20;
const KINDS: { value: Kind | ''; label: MessageKey }[] = [
  { value: '', label: 'searchAll' },
  { value: 'problem', label: 'searchProblems' },
  { value: 'unit', label: 'searchUnits' },
  { value: 'notice', label: 'searchNotices' },
];
const KIND_TAG: Record<Kind, [MessageKey, string]> = { problem: ['searchProblems', 'volcano'], unit: ['searchUnits', 'blue'], notice: ['searchNotices', 'green'] };

const linkOf = (h: Hit) => (h.kind === 'problem' ? `/problems/${h.id}` : h.kind === 'unit' ? `/units/${h.id}` : `/notices/${h.id}`);

/** Matched words marked; rendered as text, never as HTML. */
function Marked({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.match ? <mark key={i} className="search-match">{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

/** Search results: problems, units and notices in the reader's scope, the matched words marked. */
export default function SearchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const kind = (params.get('kind') ?? '') as Kind | '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const result = useQuery({
    queryKey: ['search', q, kind, page],
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    queryFn: async () => unwrap<Answer>(await api.GET('/api/search', { params: { query: { q, page, pageSize: PAGE_SIZE, ...(kind ? { kind } : {}) } } })),
  });
  const update = (next: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...next });

  return (
    <Card size="small" title={`${t('search')}${q ? `：${q}` : ''}`} data-testid="search-page">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Segmented<Kind | ''> value={kind} options={KINDS.map((k) => ({ value: k.value, label: t(k.label) }))} onChange={(v) => update({ kind: v, page: '1' })} />
        {[...q].length > 0 && [...q].length < 3 && <Typography.Text type="secondary">{t('searchShortHint')}</Typography.Text>}
        {result.isLoading && <Spin />}
        {result.error && <Typography.Text type="danger">{String(result.error.message)}</Typography.Text>}
        {result.data && result.data.total === 0 && <Empty description={t('searchNothing')} />}
        {result.data && result.data.total > 0 && (
          <>
            <Typography.Text type="secondary">
              {result.data.totalMoreThan != null ? t('totalMoreThan', { n: result.data.totalMoreThan }) : t('total', { n: result.data.total })}
            </Typography.Text>
            <List<Hit>
              data-testid="search-results"
              dataSource={result.data.items}
              renderItem={(h) => (
                <List.Item key={`${h.kind}:${h.id}`}>
                  <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
                    <Space size={6} wrap>
                      <Tag color={KIND_TAG[h.kind][1]}>{t(KIND_TAG[h.kind][0])}</Tag>
                      <Link to={linkOf(h)}>
                        <Marked segments={h.titleHighlight} />
                      </Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {h.id}
                      </Typography.Text>
                    </Space>
                    {h.snippet && (
                      <Typography.Text style={{ fontSize: 13 }}>
                        <Marked segments={h.snippet} />
                      </Typography.Text>
                    )}
                  </Space>
                </List.Item>
              )}
            />
            <Pagination size="small" current={page} pageSize={PAGE_SIZE} total={Math.min(result.data.totalMoreThan != null ? result.data.totalMoreThan + 1 : result.data.total, 50 * PAGE_SIZE)} showSizeChanger={false} onChange={(p) => update({ page: String(p) })} />
          </>
        )}
      </Space>
    </Card>
  );
}
