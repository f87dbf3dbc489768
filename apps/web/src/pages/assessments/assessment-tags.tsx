import { Tag } from 'antd';
import type { DemonstrationStage, ResultRow } from '../../api/assessment-types';
import { useI18n } from '../../i18n/i18n';

/** Bands from the top: the best green, the lowest red. */
export const GRADE_COLORS = ['green', 'blue', 'gold', 'red', 'volcano'];

export const STAGE_COLORS: Record<DemonstrationStage, string> = {
  none: 'default',
  recommended: 'blue',
  declined: 'default',
  creating: 'cyan',
  named: 'gold',
  improving: 'green',
  eliminated: 'red',
};

export function AppealTag({ appeal }: { readonly appeal: ResultRow['appeal'] }) {
  const { t } = useI18n();
  if (!appeal) return <>—</>;
  const [key, color] = ({ open: ['appealOpen', 'orange'], upheld: ['appealUpheld', 'green'], dismissed: ['appealDismissed', 'default'] } as const)[appeal];
  return <Tag color={color}>{t(key)}</Tag>;
}
