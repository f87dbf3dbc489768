import { Layout, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { useI18n } from '../i18n/i18n';

/** Pages for the masses: no sign-in, narrow and readable on a phone. */
export function PublicLayout() {
  const { t, lang, setLang } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <Typography.Text strong className="app-title">
          {t('publicPages')} · {t('appName')}
        </Typography.Text>
        <a className="app-lang-link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('language')}
        </a>
      </Layout.Header>
      <Layout.Content className="public-content">
        <Suspense>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
