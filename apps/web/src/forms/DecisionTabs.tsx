import { Form, Input, Tabs } from 'antd';
import { useI18n } from '../i18n/i18n';
import { CommandForm } from './CommandForm';

/** One side of a decision: its tab, the one text field it asks for, and the command it sends. */
export interface Decision<B> {
  readonly key: string;
  readonly label: string;
  readonly field: 'comment' | 'reason';
  readonly mutation: { mutateAsync: (body: B) => Promise<unknown>; isPending: boolean };
  readonly toBody: (values: Record<string, unknown>) => B;
}

function DecisionForm<B>({ decision, danger }: { decision: Decision<B>; danger?: boolean }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  return (
    <CommandForm form={form} mutation={decision.mutation} danger={danger} submitLabel={decision.label} toBody={decision.toBody}>
      <Form.Item name={decision.field} label={t(decision.field)}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </CommandForm>
  );
}

/** A reviewer's two answers as tabs, each its own form: approve (or accept) first, the refusal styled as the dangerous one. */
export function DecisionTabs<A, R>({ approve, reject }: { approve: Decision<A>; reject: Decision<R> }) {
  return (
    <Tabs
      size="small"
      items={[
        { key: approve.key, label: approve.label, children: <DecisionForm decision={approve} /> },
        { key: reject.key, label: reject.label, children: <DecisionForm decision={reject} danger /> },
      ]}
    />
  );
}
