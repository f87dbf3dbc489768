import { SatisfactionStanding, UnitStage } from '@platform/domain';
import { BoardTransition } from './progress-board.documents';

export const STAGE_NAMES: Record<UnitStage, string> = {
  in_phase: '阶段进行中',
  consolidation: '巩固扩大整改成果',
  summary: '总结',
  concluded: '已结束',
};

export const TRANSITION_STATUS_NAMES: Record<BoardTransition['status'], string> = {
  none: '未申请转段',
  pending: '转段待审批',
  rejected: '转段被退回',
};

export const STANDING_NAMES: Record<SatisfactionStanding, string> = {
  not_measured: '未测评',
  passed: '测评达标',
  make_up: '需补课',
};
