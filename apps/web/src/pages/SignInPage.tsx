import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { session, TokenPair } from '../auth/session';
import { useI18n } from '../i18n/i18n';

/** Sign-in with the platform's own accounts; the tokens are kept as auth/session.ts says. */
export default function SignInPage() {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: { username: string; password: string }) => {
    setBusy(true);
    setFailed(null);
    try {
      const res = await fetch('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(values) });
      if (!res.ok) {
        setFailed(res.status === 429 ? ((await res.json()) as { message: string }).message : t('signInFailed'));
        return;
      }
      session.store((await res.json()) as TokenPair);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/sign-in' ? from : '/', { replace: true });
    } catch {
      setFailed(t('offline'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(#8b1a1a 0, #8b1a1a 38%, #f5f5f5 38%)', padding: 12 }}>
      <Card style={{ width: 380, maxWidth: '100%' }} title={t('appName')} extra={<a onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('language')}</a>}>
        <Form layout="vertical" onFinish={onFinish} data-testid="sign-in-form">
          <Form.Item name="username" label={t('username')} rules={[{ required: true }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {failed && <Alert type="error" showIcon title={failed} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signIn')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('signInHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
