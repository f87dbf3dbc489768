import { Alert, Button, Form, FormInstance, message } from 'antd';
import { ReactNode, useState } from 'react';
import { QUEUED } from '../api/commands';
import { ApiError, errorKind } from '../api/errors';
import { useI18n } from '../i18n/i18n';

interface Props<B> {
  readonly form: FormInstance;
  /** Sends the values; a refusal is explained here and the values stay as typed. */
  readonly mutation: { mutateAsync: (body: B) => Promise<unknown>; isPending: boolean };
  readonly toBody: (values: Record<string, unknown>) => B;
  readonly submitLabel?: string;
  readonly danger?: boolean;
  /** After the submission (sent, or kept on the device while offline), with what was submitted. */
  readonly onDone?: (body: B) => void;
  readonly children: ReactNode;
  readonly testId?: string;
}

/** A form whose server-side refusals show where the user can act on them: beside the field, or above the button. */
export function CommandForm<B>({ form, mutation, toBody, submitLabel, danger, onDone, children, testId }: Props<B>) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<{ type: 'warning' | 'error'; text: string } | null>(null);

  const onFinish = async (values: Record<string, unknown>) => {
    setProblem(null);
    try {
      const body = toBody(values);
      const answer = await mutation.mutateAsync(body);
      if (answer === QUEUED) void message.warning('网络不可用：已保存在本机，联网后自动发送（见“离线待发”）');
      else void message.success(t('saved'));
      form.resetFields();
      onDone?.(body);
    } catch (error) {
      const kind = errorKind(error);
      const e = error instanceof ApiError ? error : null;
      if (kind === 'fields' && e) {
        const byField = e.fieldErrors();
        const known = new Set(form.getFieldsError().map((f) => String(f.name[0])));
        form.setFields(Object.entries(byField).filter(([f]) => known.has(f)).map(([name, errors]) => ({ name, errors })));
        const elsewhere = Object.entries(byField).filter(([f]) => !known.has(f));
        setProblem({ type: 'error', text: elsewhere.length ? elsewhere.map(([f, m]) => `${f}: ${m.join('；')}`).join('\n') : t('fieldsRefused') });
      } else if (kind === 'conflict') setProblem({ type: 'warning', text: `${t('conflict')}（${e?.message}）` });
      else if (kind === 'rule') setProblem({ type: 'warning', text: t('ruleRefused', { message: e?.message ?? '' }) });
      else if (kind === 'forbidden') setProblem({ type: 'error', text: t('forbidden') });
      else if (kind === 'offline') setProblem({ type: 'error', text: t('offline') });
      else setProblem({ type: 'error', text: e?.message || t('serverError') });
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} data-testid={testId} scrollToFirstError>
      {children}
      {problem && <Alert style={{ marginBottom: 12, whiteSpace: 'pre-line' }} type={problem.type} showIcon title={problem.text} data-testid="form-problem" />}
      <Button type="primary" danger={danger} htmlType="submit" loading={mutation.isPending}>
        {submitLabel ?? t('submit')}
      </Button>
    </Form>
  );
}
