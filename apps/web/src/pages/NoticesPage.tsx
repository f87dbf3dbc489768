import dayjs, { Dayjs } from 'dayjs';
import { Card, DatePicker, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { useCommand } from '../api/commands';
import { api } from '../api/http';
import { useNotices } from '../api/queries';
import { session } from '../auth/session';
import { CommandCard } from '../forms/CommandCard';
import { useI18n } from '../i18n/i18n';
import { useAppState } from '../shared/app-state';
import { dateTime } from '../shared/format';

/** 通报: the office publishes a ranked, dated snapshot; anyone in scope reads it exactly as published. */
export default function NoticesPage() {
  const { t } = useI18n();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  const { campaignId, asOf } = useAppState();
  const notices = useNotices();
  const publish = useCommand((body: { noticeId: string; title: string; noticeDate?: string }, headers) =>
    api.POST('/api/campaigns/{campaignId}/notices', { params: { path: { campaignId: campaignId! } }, body, headers }),
  );
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {!asOf && (user.role === 'office' || user.role === 'admin') && (
        <CommandCard
          title={t('publishNotice')}
          mutation={publish}
          testId="publish-notice-form"
          submitLabel={t('publishNotice')}
          toBody={(v) => ({ noticeId: String(v.noticeId ?? ''), title: String(v.title ?? ''), ...(v.noticeDate ? { noticeDate: (v.noticeDate as Dayjs).format('YYYY-MM-DD') } : {}) })}
        >
          <Form.Item name="noticeId" label={t('noticeId')} initialValue={`notice-${today}`}>
            <Input />
          </Form.Item>
          <Form.Item name="title" label={t('noticeTitle')}>
            <Input placeholder="关于第二批先进性教育活动整改进度的通报" />
          </Form.Item>
          <Form.Item name="noticeDate" label="通报日期" initialValue={dayjs()}>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
          </Form.Item>
        </CommandCard>
      )}
      <Card size="small" title={t('notices')}>
        <List
          data-testid="notice-list"
          loading={notices.isLoading}
          dataSource={notices.data ?? []}
          renderItem={(n) => (
            <List.Item extra={<Tag>{n.unitCount} 个单位</Tag>}>
              <List.Item.Meta
                title={<Link to={`/notices/${n.noticeId}`}>{n.title}</Link>}
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {n.noticeDate} · 发布人 {n.publishedBy} · {dateTime(n.publishedAt)} · 数据截至位置 {n.position}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
