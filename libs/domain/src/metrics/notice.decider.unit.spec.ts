import { specify } from '../testing/decider-specification';
import { CITY_OFFICE as office } from '../testing/spec-commands';
import { NoticeCommand, noticeDecider } from './notice.decider';
import { KeyTaskNoticePublished, NoticePublished } from './notice.events';

const HASH = 'a'.repeat(64);

type BoardNoticeCommand = Extract<NoticeCommand, { type: 'PublishNotice' }>;
type KeyTaskNoticeCommand = Extract<NoticeCommand, { type: 'PublishKeyTaskNotice' }>;

/** What the notice freezes: the command carries it and the event records it as given. */
const FROZEN = {
  noticeId: 'n-2026-03',
  noticeDate: '2026-03-31',
  position: 40,
  metricsVersion: 1 as const,
  rankBy: 'completionRate' as const,
  root: null,
  scope: { all: false, roots: ['city'] },
  unitIds: ['b1', 'b2'],
  snapshotHash: HASH,
  snapshot: { rows: [] },
};

const publish = (over: Partial<BoardNoticeCommand> = {}): NoticeCommand => ({
  type: 'PublishNotice',
  actor: office,
  at: '2026-03-31T08:00:00.000Z',
  campaign: { campaignId: 'xjx-2', launched: true },
  headPosition: 40,
  ...FROZEN,
  title: ' 三月份整改进度通报 ',
  ...over,
});

const published: NoticePublished = {
  type: 'NoticePublished',
  data: {
    ...FROZEN,
    campaignId: 'xjx-2',
    title: '三月份整改进度通报',
    publishedBy: 'office-1',
  },
};

const spec = specify(noticeDecider);

describe('notice decider', () => {
  it('publishes a dated snapshot with its position, metrics version and hash', () => {
    spec.given([]).when(publish()).then([published]);
  });

  it('never changes a published notice', () => {
    spec.given([published]).when(publish({ title: '改过的标题' })).thenRefused('notice_exists');
  });

  it('refuses what would make the notice unreproducible or misleading', () => {
    spec.given([]).when(publish({ actor: { userId: 'op', role: 'operator', unitId: 'b1' } })).thenRefused('role_not_allowed');
    spec.given([]).when(publish({ campaign: { campaignId: 'x', launched: false } })).thenRefused('campaign_not_found');
    spec.given([]).when(publish({ title: '  ' })).thenRefused('title_required');
    spec.given([]).when(publish({ position: 41 })).thenRefused('position_invalid');
    spec.given([]).when(publish({ noticeDate: '2026-04-05' })).thenRefused('notice_date_in_future');
    spec.given([]).when(publish({ metricsVersion: 3 as never })).thenRefused('metrics_version_unknown');
    spec.given([]).when(publish({ snapshotHash: 'xyz' })).thenRefused('snapshot_hash_invalid');
  });
});

/** The same notice, of a key task's stock-take instead of a campaign's board. */
const publishKeyTask = (over: Partial<KeyTaskNoticeCommand> = {}): NoticeCommand => {
  const { type: _type, campaign: _campaign, metricsVersion: _version, rankBy: _rankBy, ...common } = publish() as BoardNoticeCommand;
  return { ...common, type: 'PublishKeyTaskNotice', stockTake: { taskId: 'kt-1', stockTakeId: 'st-06', found: true }, ...over };
};

const { campaignId: _campaignId, metricsVersion: _version, rankBy: _rankBy, ...commonData } = published.data;
const keyTaskPublished: KeyTaskNoticePublished = { type: 'KeyTaskNoticePublished', data: { ...commonData, taskId: 'kt-1', stockTakeId: 'st-06' } };

describe('key task notice (重点任务调度通报)', () => {
  it('publishes a stock-take\'s ranking frozen at a position, with its hash', () => {
    spec.given([]).when(publishKeyTask()).then([keyTaskPublished]);
  });

  it('never changes a published notice, of either kind', () => {
    spec.given([keyTaskPublished]).when(publishKeyTask({ title: '改' })).thenRefused('notice_exists');
    spec.given([published]).when(publishKeyTask()).thenRefused('notice_exists');
  });

  it.each([
    ['role_not_allowed', { actor: { userId: 'insp', role: 'inspector', unitId: 'g1' } }],
    ['stock_take_not_found', { stockTake: { taskId: 'kt-1', stockTakeId: 'st-99', found: false } }],
    ['notice_id_invalid', { noticeId: 'n 1' }],
    ['title_required', { title: ' ' }],
    ['notice_date_in_future', { noticeDate: '2026-04-05' }],
    ['position_invalid', { position: 41 }],
    ['snapshot_hash_invalid', { snapshotHash: 'abc' }],
  ] as const)('refuses with %s', (code, over) => {
    spec.given([]).when(publishKeyTask(over as Partial<KeyTaskNoticeCommand>)).thenRefused(code);
  });
});
