import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { SEARCH_KINDS } from '../../search/search.documents';
import { arr, bool, int, intOrNull, obj, str, strOrNull } from '@platform/common';

const SEGMENTS: SchemaObject = arr(obj({ text: str(), match: bool() }, { required: ['text', 'match'] }));

/** One page of what the words were found in, within the caller's scope */
export const SearchAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  q: str(),
  kind: strOrNull({ enum: [...SEARCH_KINDS, null] }),
  root: strOrNull(),
  page: int(),
  pageSize: int(),
  total: int({ description: '范围内的匹配数，至多数到 1000（或所请求页的末尾）；更多时见 totalMoreThan (matches in scope, counted up to 1000 or the requested page\'s end)' }),
  totalMoreThan: intOrNull({ description: '匹配多于此数时给出，否则为 null (set when more match than counted)' }),
  items: arr(obj({
    kind: str({ enum: [...SEARCH_KINDS] }),
    id: str({ description: '问题、组织或通报的编号 (the problem, unit or notice id)' }),
    campaignId: strOrNull(),
    title: str(),
    titleHighlight: { ...SEGMENTS, description: '标题，match 为命中的部分 (the title, matches marked)' },
    snippet: { ...SEGMENTS, nullable: true, description: '正文中命中处的片段 (where the body matched)' },
  }, { required: ['kind', 'id', 'campaignId', 'title', 'titleHighlight', 'snippet'] })),
}, { required: ['asOf', 'q', 'kind', 'root', 'page', 'pageSize', 'total', 'totalMoreThan', 'items'] });
