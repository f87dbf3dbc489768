import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { NoControlCharacters, IsOptionalInteger, IsOptionalId } from '@platform/common';
import { SEARCH_KINDS, SearchKind } from '../../search/search.documents';

export class SearchRequestQuery {
  /** 要查找的文字：问题的类别、描述、整改措施、进展、督查意见、批示，组织名称，通报标题；空格分隔的多个词须全部出现 */
  @IsString()
  @Length(1, 100, { message: 'q 须为 1–100 个字符' })
  @Matches(/\S/, { message: 'q 须含至少一个非空白字符' })
  @NoControlCharacters()
  q!: string;

  /** 只查一类：problem 问题、unit 组织、notice 通报 */
  @IsOptional()
  @IsIn(SEARCH_KINDS, { message: `kind 须为 ${SEARCH_KINDS.join('、')} 之一` })
  kind?: SearchKind;

  /** 只查该组织及其下级（须在本人范围内） */
  @IsOptionalId()
  root?: string;

  /** 第几页，从 1 起，最多 50 */
  @IsOptionalInteger(1, 50)
  page?: number;

  /** 每页条数，默认 20，最多 50 */
  @IsOptionalInteger(1, 50)
  pageSize?: number;
}
