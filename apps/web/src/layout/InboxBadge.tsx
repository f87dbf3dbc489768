import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useInboxCount } from '../api/inbox-queries';
import { useI18n } from '../i18n/i18n';

/**
 * The header's bell: how many items wait unread, polled; a tap opens the inbox. The count sits inside
 * the button, not on its corner: a corner badge ("99+") stood out over the row above and the next
 * button where the phone's header wraps its tools into tight rows.
 */
export function InboxBadge({ iconOnly = false }: { iconOnly?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unread = useInboxCount(true).data?.unread ?? 0;
  return (
    <Button size="small" icon={<BellOutlined />} onClick={() => navigate('/inbox')} aria-label={t('inbox')} title={t('inbox')} data-testid="inbox-button">
      {!iconOnly && t('inbox')}
      {/* Only with a count: any child makes an icon button a wider one. */}
      {unread > 0 && <Badge count={unread} size="small" overflowCount={99} data-testid="inbox-badge" />}
    </Button>
  );
}
