import { Alert, Button, Spin } from 'antd';
import { failureReason } from '../api/errors';
import { useI18n } from '../i18n/i18n';

/** What a notice needs of a query: whether it failed and why, and how to ask again. */
export interface Asked {
  readonly isError: boolean;
  readonly error: Error | null;
  readonly isFetching: boolean;
  readonly refetch: () => unknown;
}

/**
 * Where a view's answer should be: a spinner while it is on its way — and while a query it waits on
 * (the organization tree a home's root comes from) is — but once any of them failed, why, with 重试
 * that asks the failed ones again. A refusal (a 404 while a view catches up) never leaves a spinner for good.
 */
export function Pending({ queries, what, testId }: { queries: readonly Asked[]; what: string; testId?: string }) {
  const { t } = useI18n();
  const failed = queries.filter((q) => q.isError);
  if (failed.length === 0) return <Spin />;
  const reason = failureReason(failed[0].error);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={testId ?? 'query-failed'}
      title={t('cannotShow', { what })}
      description={'key' in reason ? t(reason.key) : reason.text}
      action={
        <Button size="small" loading={failed.some((q) => q.isFetching)} onClick={() => failed.forEach((q) => void q.refetch())}>
          {t('retry')}
        </Button>
      }
    />
  );
}

/** Whether the place of these queries' answer shows the notice instead (so a list beside it is not drawn empty, as if there were none). */
export const anyFailed = (queries: readonly Asked[]) => queries.some((q) => q.isError);
