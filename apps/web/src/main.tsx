import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { queryClient } from './api/query-client';
import { I18nProvider, useI18n } from './i18n/i18n';
import { startOutbox } from './offline/outbox';
import { registerOfflineWorker } from './offline/register';
import { router } from './router';
import 'antd/dist/antd.css';
import './app.css';
import { AppStateProvider } from './shared/app-state';

/**
 * Ant Design's static stylesheet (antd/dist/antd.css, driven by the theme's CSS variables) instead
 * of styles generated in the browser: zeroRuntime saves every page load the work of generating and
 * inserting each component's styles, measured at about a third of the renderer's time on the
 * tracker and a problem's page (docs/benchmarks.md, section 5).
 */
function Themed() {
  const { lang } = useI18n();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{ zeroRuntime: true, token: { colorPrimary: '#b22222', borderRadius: 4, fontSize: 14 }, components: { Table: { cellPaddingBlockSM: 4 } } }}
    >
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AppStateProvider>
          <Themed />
        </AppStateProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);

registerOfflineWorker();
startOutbox();
