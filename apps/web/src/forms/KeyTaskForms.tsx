import { Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, TreeSelect } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useCommand } from '../api/commands';
import { api } from '../api/http';
import type { components } from '../api/schema';
import type { KeyTaskSchedule } from '../api/view-types';
import { useI18n } from '../i18n/i18n';
import { CommandCard } from './CommandCard';
import { CommandForm } from './CommandForm';
import { useUnitTree } from './unit-tree';

type Schemas = components['schemas'];
const lines = (v: unknown) =>
  String(v ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
const day = (v: unknown) => (v ? (v as Dayjs).format('YYYY-MM-DD') : '');

/** The office defines a key task: what, measures of done, deadline and an optional quantitative target. */
export function DefineKeyTaskForm() {
  const { t } = useI18n();
  const define = useCommand((body: Schemas['DefineKeyTaskRequest'], headers) => api.POST('/api/key-tasks', { body, headers }));
  return (
    <CommandCard<Schemas['DefineKeyTaskRequest']>
      title={t('defineKeyTask')}
      mutation={define}
      testId="define-key-task-form"
      submitLabel={t('defineKeyTask')}
      toBody={(v) => ({
        taskId: String(v.taskId ?? ''),
        title: String(v.title ?? ''),
        ...(v.description ? { description: String(v.description) } : {}),
        measuresOfDone: lines(v.measuresOfDone),
        deadline: day(v.deadline),
        ...(v.quantity ? { target: { quantity: Number(v.quantity), unit: String(v.unit ?? '') } } : {}),
      })}
    >
      <Form.Item name="taskId" label={t('taskId')} initialValue={`kt-${dayjs().format('YYYYMMDD')}`}>
        <Input />
      </Form.Item>
      <Form.Item name="title" label={t('taskTitle')}>
        <Input placeholder="村党组织标准化规范化建设" />
      </Form.Item>
      <Form.Item name="description" label={t('taskDescription')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="measuresOfDone" label={t('measuresOfDone')}>
        <Input.TextArea rows={3} placeholder={'组织设置规范\n活动场所面积达标'} />
      </Form.Item>
      <Form.Item name="deadline" label={t('taskDeadline')} initialValue={dayjs().endOf('year')}>
        <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="quantity" label={t('targetQuantity')}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="unit" label={t('targetUnit')}>
          <Input style={{ width: 140 }} />
        </Form.Item>
      </Space>
    </CommandCard>
  );
}

/** 一统: the office gives units their part, each with a named person answering for it. */
export function AssignPartsForm({ taskId, counted }: { taskId: string; counted: boolean }) {
  const { t } = useI18n();
  const { tree, loading } = useUnitTree();
  const assign = useCommand((body: Schemas['AssignTaskPartsRequest'], headers) => api.POST('/api/key-tasks/{taskId}/parts', { params: { path: { taskId } }, body, headers }));
  return (
    <CommandCard<Schemas['AssignTaskPartsRequest']>
      title={t('assignParts')}
      mutation={assign}
      testId="assign-parts-form"
      submitLabel={t('assignParts')}
      toBody={(v) => ({ parts: [{ unitId: String(v.unitId ?? ''), responsible: String(v.responsible ?? ''), ...(v.target ? { target: Number(v.target) } : {}) }] })}
    >
      <Form.Item name="unitId" label={t('unit')}>
        <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" loading={loading} style={{ width: '100%' }} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="responsible" label={t('responsible')}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        {counted && (
          <Form.Item name="target" label={t('partTarget')}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
        )}
      </Space>
    </CommandCard>
  );
}

/** 调度: monthly or on demand, due on a day after the last one. */
export function ScheduleStockTakeForm({ taskId }: { taskId: string }) {
  const { t } = useI18n();
  const schedule = useCommand((body: Schemas['ScheduleStockTakeRequest'], headers) =>
    api.POST('/api/key-tasks/{taskId}/stock-takes', { params: { path: { taskId } }, body, headers }),
  );
  return (
    <CommandCard<Schemas['ScheduleStockTakeRequest']>
      title={t('scheduleStockTake')}
      mutation={schedule}
      testId="schedule-stock-take-form"
      submitLabel={t('scheduleStockTake')}
      toBody={(v) => ({ stockTakeId: String(v.stockTakeId ?? ''), label: String(v.label ?? ''), dueOn: day(v.dueOn) })}
    >
      <Space wrap>
        <Form.Item name="stockTakeId" label={t('stockTakeId')} initialValue={`st-${dayjs().format('YYYYMM')}`}>
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="label" label={t('stockTakeLabel')} initialValue={`${dayjs().month() + 1}月调度`}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('dueOn')} initialValue={dayjs().endOf('month')}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
      </Space>
    </CommandCard>
  );
}

/** A liaison reports where its part stands at the open stock-take (kept on the device while offline). */
export function ReportProgressForm({ taskId, stockTakeId, unitId, counted }: { taskId: string; stockTakeId: string; unitId: string; counted: boolean }) {
  const { t } = useI18n();
  const path = `/api/key-tasks/${taskId}/stock-takes/${stockTakeId}/units/${unitId}/reports`;
  const report = useCommand(
    (body: Schemas['ReportTaskProgressRequest'], headers) =>
      api.POST('/api/key-tasks/{taskId}/stock-takes/{stockTakeId}/units/{unitId}/reports', { params: { path: { taskId, stockTakeId, unitId } }, body, headers }),
    { path, label: () => `${t('reportProgress')} ${taskId} ${stockTakeId}` },
  );
  return (
    <CommandCard<Schemas['ReportTaskProgressRequest']>
      title={`${t('reportProgress')}（${stockTakeId}）`}
      mutation={report}
      testId="report-progress-form"
      submitLabel={t('reportProgress')}
      toBody={(v) => ({ ...(counted ? { value: Number(v.value ?? 0) } : {}), done: v.done === true, narrative: String(v.narrative ?? ''), evidence: lines(v.evidence) })}
    >
      {counted && (
        <Form.Item name="value" label={t('valueReached')}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
      )}
      <Form.Item name="done" valuePropName="checked" initialValue={false}>
        <Checkbox>{t('partDone')}</Checkbox>
      </Form.Item>
      <Form.Item name="narrative" label={t('narrative')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="evidence" label={t('evidenceRefs')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </CommandCard>
  );
}

/** Supervision groups and the office comment on a report, or return it to be reported again. */
export function ReviewReportForm({ taskId, schedule }: { taskId: string; schedule: KeyTaskSchedule }) {
  const { t } = useI18n();
  const stockTakeId = schedule.stockTake!.stockTakeId;
  const review = useCommand((body: { unitId: string; action: 'comment' | 'return'; text: string }, headers) => {
    const path = { taskId, stockTakeId, unitId: body.unitId };
    return body.action === 'comment'
      ? api.POST('/api/key-tasks/{taskId}/stock-takes/{stockTakeId}/units/{unitId}/comments', { params: { path }, body: { comment: body.text }, headers })
      : api.POST('/api/key-tasks/{taskId}/stock-takes/{stockTakeId}/units/{unitId}/return', { params: { path }, body: { reason: body.text }, headers });
  });
  const reported = schedule.rows.filter((r) => r.report && !r.report.returned);
  return (
    <CommandCard
      title={t('reviewReport')}
      mutation={review}
      testId="review-report-form"
      toBody={(v) => ({ unitId: String(v.unitId ?? ''), action: v.action === 'return' ? ('return' as const) : ('comment' as const), text: String(v.text ?? '') })}
    >
      <Form.Item name="unitId" label={t('unit')}>
        <Select showSearch optionFilterProp="label" options={reported.map((r) => ({ value: r.unitId, label: r.name }))} />
      </Form.Item>
      <Form.Item name="action" initialValue="comment">
        <Select
          options={[
            { value: 'comment', label: t('reviewComment') },
            { value: 'return', label: t('returnReport') },
          ]}
        />
      </Form.Item>
      <Form.Item name="text" label={`${t('reviewComment')} / ${t('returnReason')}`}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </CommandCard>
  );
}

/** The office closes the stock-take, and publishes it as a 通报. */
export function StockTakeOfficeForms({ taskId, stockTakeId, open }: { taskId: string; stockTakeId: string; open: boolean }) {
  const { t } = useI18n();
  const [closeForm] = Form.useForm();
  const [noticeForm] = Form.useForm();
  const close = useCommand((_: Record<string, never>, headers) =>
    api.POST('/api/key-tasks/{taskId}/stock-takes/{stockTakeId}/close', { params: { path: { taskId, stockTakeId } }, body: {}, headers }),
  );
  const publish = useCommand((body: Schemas['PublishKeyTaskNoticeRequest'], headers) =>
    api.POST('/api/key-tasks/{taskId}/stock-takes/{stockTakeId}/notices', { params: { path: { taskId, stockTakeId } }, body, headers }),
  );
  return (
    <Card size="small" title={t('publishStockTake')}>
      <CommandForm<Schemas['PublishKeyTaskNoticeRequest']>
        form={noticeForm}
        mutation={publish}
        testId="publish-stock-take-form"
        submitLabel={t('publishNotice')}
        toBody={(v) => ({ noticeId: String(v.noticeId ?? ''), title: String(v.title ?? '') })}
      >
        <Form.Item name="noticeId" label={t('noticeId')} initialValue={`${taskId}-${stockTakeId}`.slice(0, 64)}>
          <Input />
        </Form.Item>
        <Form.Item name="title" label={t('noticeTitle')}>
          <Input placeholder="关于重点任务调度情况的通报" />
        </Form.Item>
      </CommandForm>
      {open && (
        <div style={{ marginTop: 12 }}>
          <CommandForm form={closeForm} mutation={close} testId="close-stock-take-form" submitLabel={t('closeStockTake')} danger toBody={() => ({})}>
            {null}
          </CommandForm>
        </div>
      )}
    </Card>
  );
}
