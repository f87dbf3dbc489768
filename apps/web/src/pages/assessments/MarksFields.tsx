import { Form, InputNumber, Switch } from 'antd';
import type { Criterion, Mark } from '../../api/assessment-types';
import { useI18n } from '../../i18n/i18n';

/** One input per criterion, in the shape its rule asks for: points up to the weight, 达标 or not, shortcomings found. */
export function MarksFields({ criteria, prefix = 'marks' }: { readonly criteria: readonly Criterion[]; readonly prefix?: string }) {
  const { t } = useI18n();
  return (
    <>
      {criteria.map((c) => {
        const label = `${c.title}（${c.rule.max} 分${c.rule.kind === 'deduction' ? `，每处扣 ${c.rule.perItem} 分` : ''}）`;
        if (c.rule.kind === 'pass_fail')
          return (
            <Form.Item key={c.criterionId} name={[prefix, c.criterionId]} label={label} valuePropName="checked" initialValue={false} tooltip={t('passed')}>
              <Switch checkedChildren={t('passed')} />
            </Form.Item>
          );
        return (
          <Form.Item key={c.criterionId} name={[prefix, c.criterionId]} label={label} rules={[{ required: true }]} tooltip={c.rule.kind === 'deduction' ? t('deductions') : t('score')}>
            <InputNumber min={0} max={c.rule.kind === 'points' ? c.rule.max : 1000} step={c.rule.kind === 'points' ? 0.5 : 1} precision={c.rule.kind === 'points' ? 1 : 0} style={{ width: '100%' }} />
          </Form.Item>
        );
      })}
    </>
  );
}

/** The form's values as the API's marks object. */
export function marksOf(criteria: readonly Criterion[], values: Record<string, unknown> | undefined): Record<string, Mark> {
  return Object.fromEntries(criteria.map((c) => [c.criterionId, markOf(c, values?.[c.criterionId])]));
}

export function markOf(c: Criterion, value: unknown): Mark {
  if (c.rule.kind === 'pass_fail') return { passed: value === true };
  if (c.rule.kind === 'deduction') return { items: Number(value ?? 0) };
  return { points: Number(value ?? 0) };
}
