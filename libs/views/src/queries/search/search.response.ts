import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { SEARCH_KINDS } from '../../search/search.documents';
import { arr, bool, int, obj, str, strOrNull } from '@platform/common';

const SEGMENTS: SchemaObject = arr(obj({ text: str(), match: bool() }, { required: ['text', 'match'] }));

/** One page of what the words were found in, within the caller's scope */
export const SearchAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  q: str(),
  kind: strOrNull({ enum: [...SEARCH_KINDS, null] }),
  page: int(),
  pageSize: int(),
  total: int({ description: '范围内的全部匹配数 (matches in scope)' }),
  items: arr(obj({
    kind: str({ enum: [...SEARCH_KINDS] }),
    id: str({ description: '问题、组织或通报的编号 (the problem, unit or notice id)' }),
    campaignId: strOrNull(),
    title: str(),
    titleHighlight: { ...SEGMENTS, description: '标题，match 为命中的部分 (the title, matches marked)' },
    snippet: { ...SEGMENTS, nullable: true, description: '正文中命中处的片段 (where the body matched)' },
  }, { required: ['kind', 'id', 'campaignId', 'title', 'titleHighlight', 'snippet'] })),
}, { required: ['asOf', 'q', 'kind', 'page', 'pageSize', 'total', 'items'] });
