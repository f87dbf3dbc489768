import dayjs, { Dayjs } from 'dayjs';
import { Col, DatePicker, Form, Input } from 'antd';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/** When the recorded fact happened, left empty for now: a later record is backdated, never set in the future. */
export function OccurredAtField({ name = 'occurredAt', extra = '不填为现在；补录请填实际发生时间' }: { name?: string; extra?: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={t('occurredAt')} extra={extra}>
      <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
    </Form.Item>
  );
}

/** The command's occurredAt from an OccurredAtField's value, absent when the field was left empty. */
export const occurredAtOf = (value: unknown): { occurredAt?: string } => (value ? { occurredAt: (value as Dayjs).toISOString() } : {});

/** A person a record names, in two half-width fields: the name, and their user account when they have one. */
export function PersonFields({ name, label }: { name: string; label: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <Col span={12}>
        <Form.Item name={name} label={t(label)}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={`${name}UserId`} label={t('userAccount')}>
          <Input placeholder="可不填" />
        </Form.Item>
      </Col>
    </>
  );
}

/** The reason a decision must give: the audit trail shows it beside the change. */
export function ReasonField({ rows = 2 }: { rows?: number }) {
  const { t } = useI18n();
  return (
    <Form.Item name="reason" label={t('reason')} rules={[{ required: true }]}>
      <Input.TextArea rows={rows} />
    </Form.Item>
  );
}
