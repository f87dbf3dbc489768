import { Alert, Button, Card, Descriptions, Radio, Result, Space, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, unwrap } from '../api/errors';
import { api } from '../api/http';
import type { PublicSatisfaction } from '../api/view-types';
import { useI18n } from '../i18n/i18n';
import { pct } from '../shared/format';

const GRADES = [
  ['satisfied', '满意'],
  ['fairly_satisfied', '比较满意'],
  ['basically_satisfied', '基本满意'],
  ['dissatisfied', '不满意'],
] as const;
type Grade = (typeof GRADES)[number][0];

/** 满意度测评 for the masses: one ballot per page visit, counted once however often it is sent. */
export default function PublicBallotPage() {
  const { campaignId = '', unitId = '' } = useParams();
  const { t } = useI18n();
  const [grade, setGrade] = useState<Grade | null>(null);
  const [state, setState] = useState<'idle' | 'sending' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  // The ballot's number doubles as the Idempotency-Key: a resend after a lost answer counts once.
  const ballotId = useRef(`web-${crypto.randomUUID()}`);
  const info = useQuery({
    queryKey: ['public-satisfaction', campaignId, unitId],
    queryFn: async () =>
      unwrap<PublicSatisfaction>(
        await api.GET('/api/public/campaigns/{campaignId}/units/{unitId}/satisfaction', { params: { path: { campaignId, unitId } } }),
      ),
  });

  const send = async () => {
    if (!grade || !info.data?.openRound) return;
    setState('sending');
    setError(null);
    try {
      unwrap(
        await api.POST('/api/campaigns/{campaignId}/units/{unitId}/satisfaction/ballots', {
          params: { path: { campaignId, unitId } },
          body: { round: info.data.openRound, ballotId: ballotId.current, grade },
          headers: { 'Idempotency-Key': ballotId.current },
        }),
      );
      setState('done');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('offline'));
      setState('idle');
    }
  };

  if (!info.data) return info.error ? <Alert type="error" title={info.error.message} /> : <Spin />;
  const s = info.data;
  if (state === 'done') return <Result status="success" title={t('ballotThanks')} data-testid="ballot-done" />;
  return (
    <Card size="small" title={`${t('ballot')} · ${s.unitName}`} data-testid="ballot-card">
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="测评情况">{s.standingName}</Descriptions.Item>
        {s.openRound && <Descriptions.Item label="正在测评">第 {s.openRound} 轮，请选择您的评价</Descriptions.Item>}
        {s.results.map((r) => (
          <Descriptions.Item key={r.round} label={`第 ${r.round} 轮`}>
            {r.total} 票，满意率 {pct(r.rate)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {s.openRound ? (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          <Radio.Group value={grade} onChange={(e) => setGrade(e.target.value as Grade)} style={{ width: '100%' }} data-testid="ballot-grades">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {GRADES.map(([value, label]) => (
                <Radio.Button key={value} value={value} style={{ width: '100%', height: 44, lineHeight: '42px', fontSize: 16 }}>
                  {label}
                </Radio.Button>
              ))}
            </Space>
          </Radio.Group>
          {error && <Alert type="error" showIcon title={error} />}
          <Button type="primary" size="large" block disabled={!grade} loading={state === 'sending'} onClick={send} data-testid="ballot-submit">
            {t('castBallot')}
          </Button>
        </Space>
      ) : (
        <Alert type="info" showIcon title={t('noOpenRound')} />
      )}
    </Card>
  );
}
