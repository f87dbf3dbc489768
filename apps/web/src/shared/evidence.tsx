import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, message, Space, Typography, Upload } from 'antd';
import { authFetch } from '../api/http';
import { useI18n } from '../i18n/i18n';

/** An uploaded file is named by its content hash; other references are labels of paper records. */
export const isFileRef = (ref: string) => /^sha256:[0-9a-f]{64}$/.test(ref);
const hashOf = (ref: string) => ref.slice('sha256:'.length);

/** Types the platform accepts (it checks the bytes; this only narrows the file picker). */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';

/**
 * A download with the signed-in user's token (a plain link would carry none): fetched, then
 * handed to the browser under the name the platform gives it.
 */
async function download(path: string): Promise<void> {
  const res = await authFetch(new Request(path));
  if (!res.ok) throw new Error(res.status === 404 ? '文件不存在或无权查看' : `HTTP ${res.status}`);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'file';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The references of a record: uploaded files as download links under `base` (…/files/), others as text. */
export function EvidenceLinks({ refs, base }: { refs: readonly (string | null | undefined)[]; base: string }) {
  const { t } = useI18n();
  const present = refs.filter((r): r is string => !!r);
  if (!present.length) return null;
  return (
    <Space size={4} wrap>
      {present.map((ref) =>
        isFileRef(ref) ? (
          <Typography.Link key={ref} data-testid="evidence-link" onClick={() => download(`${base}${hashOf(ref)}`).catch((e: Error) => message.error(e.message))}>
            <PaperClipOutlined /> {t('evidenceFile')} {hashOf(ref).slice(0, 8)}
          </Typography.Link>
        ) : (
          <Typography.Text key={ref} type="secondary">
            {ref}
          </Typography.Text>
        ),
      )}
    </Space>
  );
}

/**
 * A form control that uploads evidence files as they are picked and holds their references: one
 * (`multiple` false, a string) or several (a string list), as the command's field takes them.
 */
export function EvidenceUpload(props: { value?: string | string[]; onChange?: (v: string | string[] | undefined) => void; multiple?: boolean }) {
  const { t } = useI18n();
  const refs = Array.isArray(props.value) ? props.value : props.value ? [props.value] : [];
  const set = (next: string[]) => props.onChange?.(props.multiple ? next : next[next.length - 1]);
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Upload
        accept={ACCEPT}
        multiple={!!props.multiple}
        showUploadList={false}
        customRequest={async ({ file, onSuccess, onError }) => {
          const body = new FormData();
          body.append('file', file as Blob);
          try {
            const res = await authFetch(new Request('/api/files', { method: 'POST', body }));
            const answer = (await res.json()) as { ref?: string; errors?: { message: string }[]; message?: string };
            if (!res.ok || !answer.ref) throw new Error(answer.errors?.[0]?.message ?? String(answer.message ?? res.status));
            set(props.multiple ? [...refs, answer.ref] : [answer.ref]);
            onSuccess?.(answer);
          } catch (e) {
            message.error(`${t('uploadFailed')}：${(e as Error).message}`);
            onError?.(e as Error);
          }
        }}
      >
        <Button size="small" icon={<UploadOutlined />} data-testid="evidence-upload">
          {t('uploadEvidence')}
        </Button>
      </Upload>
      {refs.map((ref) => (
        <Space key={ref} size={4}>
          <PaperClipOutlined />
          <Typography.Text data-testid="evidence-uploaded" style={{ fontSize: 12 }}>
            {isFileRef(ref) ? `${t('evidenceFile')} ${hashOf(ref).slice(0, 8)}` : ref}
          </Typography.Text>
          <Typography.Link onClick={() => set(refs.filter((r) => r !== ref))}>{t('remove')}</Typography.Link>
        </Space>
      ))}
    </Space>
  );
}
