import { Card, Form } from 'antd';
import { CommandForm } from './CommandForm';

/** One command as a small card: its form, with its own state, under the card's title. */
export function CommandCard<B>({ title, ...props }: { title: string } & Omit<Parameters<typeof CommandForm<B>>[0], 'form'>) {
  const [form] = Form.useForm();
  return (
    <Card size="small" title={title}>
      <CommandForm<B> form={form} {...props} />
    </Card>
  );
}
