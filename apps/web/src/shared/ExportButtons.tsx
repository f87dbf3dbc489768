import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useI18n } from '../i18n/i18n';
import { download } from './download';

export type ExportFormat = 'xlsx' | 'csv';

/** A view's xlsx and csv downloads, named `${name}.xlsx` unless the server names the file; a refused download says why. */
export function ExportButtons({ path, name, testId, disabled }: { path: (format: ExportFormat) => string; name: string; testId: string; disabled?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (['xlsx', 'csv'] as const).map((format) => (
    <Button key={format} size="small" icon={<DownloadOutlined />} disabled={disabled} data-testid={`${testId}-${format}`} onClick={() => download(path(format), `${name}.${format}`).catch((e: Error) => message.error(e.message))}>
      {t(format === 'xlsx' ? 'exportXlsx' : 'exportCsv')}
    </Button>
  ));
}
