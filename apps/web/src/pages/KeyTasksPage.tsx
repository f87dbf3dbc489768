import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { useKeyTasks } from '../api/queries';
import type { PartStatus } from '../api/view-types';
import { session } from '../auth/session';
import { DefineKeyTaskForm } from '../forms/KeyTaskForms';
import { useI18n } from '../i18n/i18n';
import { useAppState } from '../shared/app-state';
import { STATUS_COLOR } from '../shared/ScheduleTable';

const STATUSES: PartStatus[] = ['done', 'on_track', 'behind', 'not_reported'];

/** 重点任务: the tasks touching the reader's units, with where the latest stock-take stands; the office defines new ones. */
export default function KeyTasksPage() {
  const { t } = useI18n();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  const { asOf } = useAppState();
  const tasks = useKeyTasks();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={t('keyTasks')}>
        <List
          data-testid="key-task-list"
          loading={tasks.isLoading}
          locale={{ emptyText: <Empty description={t('noKeyTasks')} /> }}
          dataSource={tasks.data ?? []}
          renderItem={(task) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/key-tasks/${task.taskId}`}>{task.title}</Link>}
                description={
                  <Space orientation="vertical" size={4}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('taskDeadline')} {task.deadline}
                      {task.target ? ` · ${task.target.quantity} ${task.target.unit}` : ''} · {task.unitCount} {t('units')}
                    </Typography.Text>
                    {task.latest ? (
                      <Space wrap size={4}>
                        <Typography.Text style={{ fontSize: 12 }}>
                          {t('latestStockTake')}: {task.latest.label}（{task.latest.dueOn}）
                        </Typography.Text>
                        {STATUSES.map((s) => (
                          <Tag key={s} color={STATUS_COLOR[s]}>
                            {t(`status_${s}`)} {task.latest!.counts[s]}
                          </Tag>
                        ))}
                      </Space>
                    ) : (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('noStockTake')}
                      </Typography.Text>
                    )}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {!asOf && (user.role === 'office' || user.role === 'admin') && <DefineKeyTaskForm />}
    </Space>
  );
}
