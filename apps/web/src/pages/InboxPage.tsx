import { Button, Card, List, Pagination, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCommand } from '../api/commands';
import { api } from '../api/http';
import { InboxItem, useInbox } from '../api/inbox-queries';
import { useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';
import { useAppState } from '../shared/app-state';
import { dateTime, WARNING_COLOR } from '../shared/format';
import { Pending } from '../shared/QueryFailed';

const KIND_LABEL: Record<InboxItem['kind'], MessageKey> = {
  warning: 'inboxWarning',
  rejected: 'inboxRejected',
  transition: 'inboxTransition',
  instruction: 'inboxInstruction',
  reply: 'inboxReply',
  notice: 'inboxNotice',
};
const KIND_COLOR: Record<InboxItem['kind'], string> = { warning: 'orange', rejected: 'red', transition: 'blue', instruction: 'volcano', reply: 'green', notice: 'geekblue' };
const PAGE_SIZE = 20;

/** Where an item leads: the problem, the instruction, the notice, or the unit's progress in its campaign. */
function pathOf(item: InboxItem): string {
  switch (item.link.kind) {
    case 'problem':
      return `/problems/${item.link.id}`;
    case 'instruction':
      return `/instructions/${item.link.id}`;
    case 'notice':
      return `/notices/${item.link.id}`;
    case 'progress':
      return `/units/${item.link.id}`;
  }
}

/** 我的待办: what needs the reader, newest first; opening an item marks it read. */
export default function InboxPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { setCampaignId } = useAppState();
  const [unread, setUnread] = useState(true);
  const [page, setPage] = useState(1);
  const inbox = useInbox(unread, page, PAGE_SIZE);
  const markRead = useCommand((body: { itemIds: string[] }, headers) => api.POST('/api/inbox/read', { body, headers }));
  const markAll = useCommand((body: { position: string }, headers) => api.POST('/api/inbox/read-all', { body, headers }));

  const open = async (item: InboxItem) => {
    if (!item.read) await markRead.mutateAsync({ itemIds: [item.itemId] }).catch(() => undefined);
    if (item.link.campaignId) setCampaignId(item.link.campaignId);
    navigate(pathOf(item));
  };

  return (
    <Card
      size="small"
      title={`${t('inbox')}${inbox.data ? ` · ${t('unreadCount', { n: inbox.data.unreadMoreThan ? `${inbox.data.unreadMoreThan}+` : inbox.data.unread })}` : ''}`}
      extra={
        <Space wrap>
          <Segmented<string>
            size="small"
            value={unread ? 'unread' : 'all'}
            options={[
              { value: 'unread', label: t('unreadOnly') },
              { value: 'all', label: t('all') },
            ]}
            onChange={(v) => {
              setUnread(v === 'unread');
              setPage(1);
            }}
          />
          <Button size="small" data-testid="inbox-read-all" disabled={!inbox.data || inbox.data.unread === 0} loading={markAll.isPending} onClick={() => inbox.data && markAll.mutate({ position: inbox.data.position })}>
            {t('markAllRead')}
          </Button>
        </Space>
      }
    >
      {!inbox.data ? (
        <Pending queries={[inbox]} what={t('inbox')} testId="inbox-failed" />
      ) : (
        <>
          <List<InboxItem>
            data-testid="inbox-list"
            dataSource={inbox.data.items}
            locale={{ emptyText: t('inboxEmpty') }}
            renderItem={(item) => (
              <List.Item
                style={{ cursor: 'pointer', opacity: item.read || item.resolved ? 0.6 : 1 }}
                onClick={() => void open(item)}
                actions={[<Typography.Text key="at" type="secondary" style={{ fontSize: 12 }}>{dateTime(item.at)}</Typography.Text>]}
              >
                <List.Item.Meta
                  title={
                    <Space size={4} wrap>
                      <Tag color={item.level ? WARNING_COLOR[item.level as keyof typeof WARNING_COLOR] ?? KIND_COLOR[item.kind] : KIND_COLOR[item.kind]}>{t(KIND_LABEL[item.kind])}</Tag>
                      {!item.read && <Tag color="red">{t('unread')}</Tag>}
                      {item.resolved && <Tag>{t('dealtWith')}</Tag>}
                      <Typography.Text strong={!item.read}>{item.title}</Typography.Text>
                    </Space>
                  }
                  description={[item.unitName, item.detail].filter(Boolean).join(' · ') || undefined}
                />
              </List.Item>
            )}
          />
          <Pagination size="small" simple current={page} pageSize={PAGE_SIZE} total={inbox.data.total} onChange={setPage} style={{ marginTop: 12, textAlign: 'right' }} />
        </>
      )}
    </Card>
  );
}
