import { Card, TableColumnsType, Typography } from 'antd';
import { Fragment, useMemo } from 'react';
import type { Tracker } from '../api/view-types';
import { useI18n } from '../i18n/i18n';
import { DenseTable } from '../shared/DenseTable';
import { pct, rateColor } from '../shared/format';
import { HANDLINGS } from '../shared/problem-tags';

type UnitCounts = Tracker['units'][number];

const Overdue = ({ u }: { u: UnitCounts }) => (u.counts.overdue ? <span style={{ color: '#cf1322', fontWeight: 600 }}>{u.counts.overdue}</span> : '');

/**
 * The ledger's counts per unit. On a desk a column per kind of handling; on a phone the table keeps
 * four columns under short titles that fit its width — the unit, its problems, overdue and completion —
 * and the kinds that have problems go under the unit's name, so nothing needs a sideways scroll.
 */
export function TrackerUnitCounts({ units, phone }: { units: Tracker['units']; phone: boolean }) {
  const { t, lang } = useI18n();
  const columns = useMemo<TableColumnsType<UnitCounts>>(() => {
    const kind = (h: (typeof HANDLINGS)[number]) => (lang === 'zh' ? h.zh : h.en);
    const problems = { title: t(phone ? 'problemsShort' : 'problems'), width: 60, render: (_: unknown, u: UnitCounts) => u.counts.total, sorter: (a: UnitCounts, b: UnitCounts) => a.counts.total - b.counts.total };
    const overdue = { title: t('overdue'), width: 60, render: (_: unknown, u: UnitCounts) => <Overdue u={u} />, sorter: (a: UnitCounts, b: UnitCounts) => a.counts.overdue - b.counts.overdue };
    const completion = {
      title: t(phone ? 'completionShort' : 'completionRate'),
      width: phone ? 76 : 90,
      render: (_: unknown, u: UnitCounts) => <span style={{ color: rateColor(u.completionRate) }}>{pct(u.completionRate)}</span>,
      sorter: (a: UnitCounts, b: UnitCounts) => (a.completionRate ?? -1) - (b.completionRate ?? -1),
    };
    if (phone)
      return [
        {
          title: t('unit'),
          dataIndex: 'name',
          render: (name: string, u) => (
            <div className="cell-stack">
              <span>{name}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="unit-handling">
                {/* A line breaks between two kinds, never inside one. */}
                {HANDLINGS.filter((h) => u.counts.byHandling[h.key] > 0).map((h, i) => (
                  <Fragment key={h.key}>
                    {i > 0 && ' · '}
                    <span style={{ whiteSpace: 'nowrap' }}>
                      {kind(h)} {u.counts.byHandling[h.key]}
                    </span>
                  </Fragment>
                ))}
              </Typography.Text>
            </div>
          ),
        },
        problems,
        overdue,
        completion,
      ];
    return [
      { title: t('unit'), dataIndex: 'name', width: 180, fixed: 'left' },
      problems,
      ...HANDLINGS.map((h) => ({ title: kind(h), width: 80, render: (_: unknown, u: UnitCounts) => u.counts.byHandling[h.key] || '' })),
      overdue,
      completion,
    ];
  }, [t, lang, phone]);
  return (
    <Card size="small" title={`${t('unit')} · ${t('handling')}`}>
      <DenseTable<UnitCounts>
        data-testid="unit-counts"
        rowKey="unitId"
        dataSource={units as UnitCounts[]}
        pagination={{ pageSize: 10, size: 'small' }}
        scroll={phone ? undefined : { x: 900 }}
        columns={columns}
      />
    </Card>
  );
}
