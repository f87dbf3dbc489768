import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useInboxCount } from '../api/inbox-queries';
import { useI18n } from '../i18n/i18n';

/** The header's bell: how many items wait unread, polled; a tap opens the inbox. */
export function InboxBadge({ iconOnly = false }: { iconOnly?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const count = useInboxCount(true);
  return (
    <Badge count={count.data?.unread ?? 0} size="small" overflowCount={99} data-testid="inbox-badge">
      <Button size="small" icon={<BellOutlined />} onClick={() => navigate('/inbox')} aria-label={t('inbox')} title={t('inbox')}>
        {!iconOnly && t('inbox')}
      </Button>
    </Badge>
  );
}
