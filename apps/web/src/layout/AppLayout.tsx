import { GlobalOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Grid, Input, Layout, Menu, Select, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Suspense, useEffect, useSyncExternalStore } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { whenSignedOut } from '../api/http';
import { useCampaigns } from '../api/queries';
import { useViewStatus } from '../api/use-view-status';
import { session } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';
import { useAppState } from '../shared/app-state';
import { dateTime, viewLagText } from '../shared/format';
import { OutboxButton } from '../offline/OutboxButton';
import { InboxBadge } from './InboxBadge';
import { ASSESSMENT_ROLES, AUDIT_ROLES, KEY_TASK_ROLES, ROLE_NAMES } from '../shared/roles';

const MENU: { path: string; label: MessageKey; roles?: readonly string[] }[] = [
  { path: '/', label: 'home' },
  { path: '/board', label: 'board' },
  { path: '/tracker', label: 'tracker' },
  { path: '/audit', label: 'audit', roles: AUDIT_ROLES },
  { path: '/notices', label: 'notices' },
  { path: '/assessments', label: 'assessments', roles: ASSESSMENT_ROLES },
  { path: '/demonstration-points', label: 'demonstrationPoints', roles: ASSESSMENT_ROLES },
  { path: '/roster', label: 'roster' },
  { path: '/key-tasks', label: 'keyTasks', roles: KEY_TASK_ROLES },
];

/** Signed-in pages: the header carries the campaign, the as-of moment and the language for every view. */
export function AppLayout() {
  const user = useSyncExternalStore(session.subscribe, session.user);
  const navigate = useNavigate();
  const location = useLocation();
  const { t, lang, setLang } = useI18n();
  const { campaignId, setCampaignId, asOf, setAsOf } = useAppState();
  const campaigns = useCampaigns();
  const status = useViewStatus();
  // On a phone the tools take two rows instead of four: narrower fields, buttons as icons with
  // their words in the tooltip, and no role tag (each home's title says whose it is).
  const phone = Grid.useBreakpoint().sm === false;

  useEffect(() => whenSignedOut(() => navigate('/sign-in', { replace: true, state: { from: location.pathname } })), [navigate, location.pathname]);
  useEffect(() => {
    const items = campaigns.data;
    // The campaign covering most of the reader's units comes first: the main one rather than a look-back.
    // Not while the list is being fetched again: a campaign just launched may be missing from the old one.
    if (items && items.length > 0 && !campaigns.isFetching && !items.some((c) => c.campaignId === campaignId))
      setCampaignId([...items].sort((a, b) => b.enrolledCount - a.enrolledCount)[0].campaignId);
  }, [campaigns.data, campaigns.isFetching, campaignId, setCampaignId]);

  if (!user) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  // A unit's page belongs to the board, a problem's page to the tracker.
  const section = location.pathname.replace(/^\/units\//, '/board/').replace(/^\/problems\//, '/tracker/');
  const selected = MENU.filter((m) => m.path !== '/' && section.startsWith(m.path)).map((m) => m.path);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <Typography.Text strong className="app-title" onClick={() => navigate('/')}>
          {t('appName')}
        </Typography.Text>
        <Menu
          className="app-menu"
          mode="horizontal"
          theme="dark"
          selectedKeys={selected.length ? selected : ['/']}
          items={MENU.filter((m) => !m.roles || m.roles.includes(user.role)).map((m) => ({ key: m.path, label: t(m.label) }))}
          onClick={(e) => navigate(e.key)}
        />
        <Space wrap size={8} className="app-tools">
          <Input.Search
            data-testid="header-search"
            size="small"
            allowClear
            style={{ width: phone ? 150 : 200 }}
            placeholder={t('searchPlaceholder')}
            aria-label={t('search')}
            onSearch={(q) => q.trim() && navigate(`/search?q=${encodeURIComponent(q.trim())}`)}
          />
          <Select
            data-testid="campaign-select"
            size="small"
            style={phone ? { width: 'calc(100vw - 174px)', maxWidth: 260 } : { minWidth: 180, maxWidth: 280 }}
            placeholder={t('campaign')}
            value={campaignId ?? undefined}
            loading={campaigns.isLoading}
            options={(campaigns.data ?? []).map((c) => ({ value: c.campaignId, label: c.name }))}
            onChange={setCampaignId}
            notFoundContent={t('noCampaign')}
          />
          <DatePicker
            data-testid="as-of-picker"
            size="small"
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            placeholder={t('asOf')}
            // On a phone narrow enough that the bell and the outbox with their counts, the language and sign-out stay on its row.
            style={phone ? { width: 150 } : undefined}
            value={asOf ? dayjs(asOf) : null}
            disabledDate={(d) => d.isAfter(dayjs())}
            onChange={(d) => setAsOf(d ? d.toISOString() : null)}
          />
          <InboxBadge iconOnly={phone} />
          <OutboxButton iconOnly={phone} />
          <Button size="small" icon={<GlobalOutlined />} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch" title={t('language')} aria-label={t('language')}>
            {phone ? (lang === 'zh' ? 'EN' : '中') : t('language')}
          </Button>
          {!phone && (
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {ROLE_NAMES[user.role][lang === 'zh' ? 0 : 1]}
            </Tag>
          )}
          {/* Not on a phone, where it has no room (each home's title says whose it is): not even an empty place in the row. */}
          {!phone && <Typography.Text className="app-user">{user.displayName ?? user.username}</Typography.Text>}
          <Button
            size="small"
            icon={<LogoutOutlined />}
            title={t('signOut')}
            aria-label={t('signOut')}
            onClick={async () => {
              const refreshToken = session.refreshToken();
              session.clear();
              if (refreshToken) await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }) }).catch(() => undefined);
              navigate('/sign-in');
            }}
          >
            {!phone && t('signOut')}
          </Button>
        </Space>
      </Layout.Header>
      {asOf && (
        <Alert
          banner
          type="warning"
          data-testid="as-of-banner"
          title={t('asOfBanner', { at: dateTime(asOf) })}
          action={
            <Button size="small" onClick={() => setAsOf(null)}>
              {t('backToNow')}
            </Button>
          }
        />
      )}
      {status.chainBroken !== null && (
        <Alert banner type="error" data-testid="chain-broken-banner" title={t('chainBrokenBanner', { position: status.chainBroken })} />
      )}
      {status.stale && (
        <Alert
          banner
          type="info"
          data-testid="stale-banner"
          title={t('staleBanner', { position: status.position ?? '—', lag: viewLagText(status.lag, lang) })}
        />
      )}
      {campaigns.data && campaigns.data.length === 0 && <Alert banner type="info" title={t('noCampaign')} />}
      <Layout.Content className="app-content">
        <Suspense fallback={<Spin />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
