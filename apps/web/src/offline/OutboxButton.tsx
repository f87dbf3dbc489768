import { CloudUploadOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover, Tag, Typography } from 'antd';
import { useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/i18n';
import { dateTime } from '../shared/format';
import { outbox } from './outbox';

const STATE: Record<string, [string, string]> = { waiting: ['等待发送', 'orange'], sent: ['已发送', 'green'], refused: ['被拒绝', 'red'] };

/** What was submitted offline, and what became of it: waiting, sent, or refused and why. The waiting count sits inside the button, as the bell's does. */
export function OutboxButton({ iconOnly = false }: { iconOnly?: boolean }) {
  const { t } = useI18n();
  const items = useSyncExternalStore(outbox.subscribe, outbox.items);
  if (items.length === 0) return null;
  const waiting = items.filter((i) => i.state === 'waiting').length;
  return (
    <Popover
      trigger="click"
      title={t('offlineQueue')}
      content={
        <div style={{ width: 300 }} data-testid="outbox-list">
          <List
            size="small"
            dataSource={[...items].reverse()}
            renderItem={(i) => (
              <List.Item>
                <div>
                  <Tag color={STATE[i.state][1]} data-testid={`outbox-state-${i.state}`}>{STATE[i.state][0]}</Tag>
                  {i.label}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dateTime(i.createdAt)}</Typography.Text>
                  </div>
                  {i.reason && <Typography.Text type="danger" style={{ fontSize: 12 }}>{i.reason}</Typography.Text>}
                </div>
              </List.Item>
            )}
          />
          <Button size="small" onClick={() => void outbox.replay()} style={{ marginRight: 8 }}>重试</Button>
          <Button size="small" onClick={() => outbox.clearDone()}>清除已完成</Button>
        </div>
      }
    >
      <Button size="small" icon={<CloudUploadOutlined />} data-testid="outbox-button" aria-label={t('offlineQueue')} title={t('offlineQueue')}>
        {!iconOnly && t('offlineQueue')}
        {/* Only with a count: any child makes an icon button a wider one. */}
        {waiting > 0 && <Badge count={waiting} size="small" />}
      </Button>
    </Popover>
  );
}
