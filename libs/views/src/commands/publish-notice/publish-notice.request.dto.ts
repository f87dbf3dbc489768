import { IsId, NoControlCharacters } from '@platform/common';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { METRICS_VERSIONS, MetricsVersion, RANK_KEYS, RankKey, UNIT_ID_PATTERN } from '@platform/domain';

export class PublishNoticeRequest {
  @IsId()
  noticeId!: string;

  /** 通报标题，如“关于第二批先进性教育活动整改进度的通报” */
  @IsString()
  @Length(1, 200)
  @NoControlCharacters()
  title!: string;

  /** 通报日期（YYYY-MM-DD），默认今天 */
  @IsOptional()
  @IsISO8601({ strict: true })
  noticeDate?: string;

  /** 只通报该组织及其下级；默认整个活动（发布人范围内） */
  @IsOptional()
  @Matches(UNIT_ID_PATTERN, { message: 'root 只能包含字母、数字、- 和 _' })
  root?: string;

  /** 排名指标，默认整改完成率 */
  @IsOptional()
  @IsIn(RANK_KEYS)
  rankBy?: RankKey;

  /** 指标口径版本，默认现行口径 */
  @IsOptional()
  @Type(() => Number)
  @IsIn(METRICS_VERSIONS, { message: 'metricsVersion 须为 1 或 2' })
  metricsVersion?: MetricsVersion;
}
