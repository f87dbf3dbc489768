import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { SEARCH_KINDS } from '../../search/search.documents';

const SEGMENTS: SchemaObject = {
  type: 'array',
  items: { type: 'object', properties: { text: { type: 'string' }, match: { type: 'boolean' } }, required: ['text', 'match'] },
};

/** One page of what the words were found in, within the caller's scope */
export const SearchAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    q: { type: 'string' },
    kind: { type: 'string', enum: [...SEARCH_KINDS, null], nullable: true },
    root: { type: 'string', nullable: true },
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    total: { type: 'integer', description: '范围内的匹配数，至多数到 1000（或所请求页的末尾）；更多时见 totalMoreThan (matches in scope, counted up to 1000 or the requested page\'s end)' },
    totalMoreThan: { type: 'integer', nullable: true, description: '匹配多于此数时给出，否则为 null (set when more match than counted)' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: [...SEARCH_KINDS] },
          id: { type: 'string', description: '问题、组织或通报的编号 (the problem, unit or notice id)' },
          campaignId: { type: 'string', nullable: true },
          title: { type: 'string' },
          titleHighlight: { ...SEGMENTS, description: '标题，match 为命中的部分 (the title, matches marked)' },
          snippet: { ...SEGMENTS, nullable: true, description: '正文中命中处的片段 (where the body matched)' },
        },
        required: ['kind', 'id', 'campaignId', 'title', 'titleHighlight', 'snippet'],
      },
    },
  },
  required: ['asOf', 'q', 'kind', 'root', 'page', 'pageSize', 'total', 'totalMoreThan', 'items'],
};
