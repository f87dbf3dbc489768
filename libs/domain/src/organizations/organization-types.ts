/** Levels of the organization tree, from the city down to the branch. */
export const UNIT_LEVELS = ['city', 'county', 'township', 'committee', 'general_branch', 'branch'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const UNIT_LEVEL_NAMES: Record<UnitLevel, string> = {
  city: '市',
  county: '区县(市)',
  township: '乡镇/街道',
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
};

export const UNIT_TYPES = [
  'rural',
  'community',
  'agency',
  'school',
  'enterprise',
  'new_social',
  'intermediary',
  'social_group',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_TYPE_NAMES: Record<UnitType, string> = {
  rural: '农村',
  community: '街道社区',
  agency: '机关',
  school: '学校',
  enterprise: '企业',
  new_social: '两新组织',
  intermediary: '中介组织',
  social_group: '社会团体',
};

const RANK: Record<UnitLevel, number> = {
  city: 0,
  county: 1,
  township: 2,
  committee: 3,
  general_branch: 4,
  branch: 5,
};

/**
 * A unit sits under a unit of a higher level; a committee may also sit under a committee
 * (an enterprise's committee under a sector committee). A branch has no children.
 */
export function canContain(parent: UnitLevel, child: UnitLevel): boolean {
  if (parent === 'branch') return false;
  if (parent === 'committee' && child === 'committee') return true;
  return RANK[child] > RANK[parent];
}

/** Ids appear in stream names and URLs, so they are restricted to a safe alphabet. */
export const UNIT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
