import { UnitType } from '@platform/domain';
import { Rng } from './random';

/** A fictional prefecture-level city, in the manner of seed 004's. */
export const CITY = { unitId: 'YL', name: '沅澧市', short: '沅澧' };

const PLACE_FIRST = [
  '清', '安', '临', '永', '新', '长', '宁', '桃', '石', '丰', '兴', '德', '武', '平', '金', '龙', '凤', '青', '华', '明', '泰', '福',
  '和', '康', '嘉', '瑞', '松', '柳', '白', '云', '洞', '澄', '沙', '渔', '樟', '梅', '荷', '鹤', '双', '太', '合', '盘', '黄', '枫',
];
const PLACE_SECOND = [
  '河', '江', '山', '阳', '源', '陵', '城', '溪', '湖', '宁', '安', '乡', '林', '泉', '口', '桥', '坪', '峰', '州', '洲', '港', '岗',
  '塘', '田', '坊', '滩', '浦', '冲', '庙', '市', '铺', '湾',
];
const VILLAGE_FIRST = [
  '杨', '柳', '桃', '李', '黄', '石', '白', '马', '龙', '凤', '金', '银', '双', '三', '新', '大', '小', '高', '长', '青', '红', '团',
  '太', '合', '兴', '永', '枫', '松', '竹', '梅', '荷', '莲', '鹿', '鹤', '东', '西', '南', '北', '中', '上', '下', '前', '后', '望',
  '官', '胡', '刘', '周', '陈', '罗', '谢', '彭', '毛', '熊', '曾', '唐', '万', '向', '覃', '伍', '卢', '袁', '梁', '樟', '杉',
];
const VILLAGE_SECOND = [
  '家', '山', '湖', '溪', '塘', '冲', '坪', '桥', '湾', '岗', '岭', '洲', '垸', '铺', '港', '台', '嘴', '坡', '林', '庄', '堰', '峪',
  '河', '源', '坝', '园', '井', '坊', '寺', '潭',
];
const COMMUNITY_WORDS = [
  '朝阳', '建设', '人民', '解放', '文化', '和平', '光明', '幸福', '新华', '东风', '胜利', '长庚', '紫菱', '芙蓉', '丹阳', '穿紫河',
  '滨湖', '柳叶', '桥南', '城北', '育英', '书院', '大西门', '永安', '德山', '南坪', '白马湖', '府坪', '月亮', '兴隆', '春申', '锦江',
  '武陵', '沅安', '龙港', '桃花', '花园', '工农', '友谊', '七里', '金霞', '鼎新',
];
const BRANDS = [
  '宏达', '华盛', '金鑫', '恒通', '鑫源', '天润', '永丰', '隆兴', '盛世', '东方', '长城', '新星', '振兴', '聚福', '兴旺', '瑞丰',
  '德信', '安康', '顺发', '正大', '利民', '丰源', '湘北', '沅江', '澧水', '洞庭', '桃源春', '金健', '富华', '大成',
];
const INDUSTRIES = [
  '建材', '纺织', '机械', '食品', '商贸', '物流', '建筑', '化工', '医药', '电子', '印务', '包装', '农业开发', '生物科技', '房地产开发',
  '酒业', '茶业', '水产', '家具', '汽配',
];

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁',
  '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余', '杜', '叶', '程', '魏',
  '苏', '吕', '丁', '任', '沈', '姚', '卢', '傅', '钟', '姜', '崔', '谭', '廖', '范', '汪', '陆', '金', '石', '戴', '贾', '夏', '邱',
  '方', '侯', '邹', '熊', '孟', '秦', '白', '江', '薛', '尹', '段', '雷', '黎', '龙', '陶', '贺', '顾', '毛', '郝', '龚', '邵', '万',
  '覃', '向', '伍', '文',
];
const GIVEN = [
  '建国', '建华', '国强', '志刚', '卫东', '红梅', '秀英', '桂兰', '德明', '文华', '海燕', '丽华', '志明', '永红', '春生', '爱民', '立新',
  '振华', '晓东', '小平', '建军', '玉兰', '淑珍', '明亮', '家富', '长青', '大勇', '学军', '新民', '光辉', '金凤', '美华', '跃进', '胜利',
  '和平', '树林', '德福', '红军', '志强', '云霞', '建平', '俊杰', '文斌', '丽娟', '海波', '晓燕', '少华', '国庆', '振国', '宏伟', '先锋',
  '桂芳', '凤英', '培元', '正清', '昌盛', '远航', '青松', '治国', '安民', '秋菊', '冬梅', '春燕', '雪莲', '卫国', '兴华', '利群', '子龙',
];

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
export const numeral = (n: number): string => NUMERALS[n - 1] ?? String(n);

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

/** Two-character place names, unique within one generator. */
export class PlaceNames {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  place(): string {
    return this.unused(PLACE_FIRST, PLACE_SECOND, () => this.rng.int(2, 9));
  }

  village(): string {
    return this.unused(VILLAGE_FIRST, VILLAGE_SECOND, () => this.rng.pick(VILLAGE_SECOND));
  }

  /** A name of two drawn parts not given yet; after 200 draws, two more parts and a `suffix` (the draws stay in the same order). */
  private unused(first: readonly string[], second: readonly string[], suffix: () => string | number): string {
    for (let i = 0; i < 200; i++) {
      const n = this.rng.pick(first) + this.rng.pick(second);
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
    return this.rng.pick(first) + this.rng.pick(second) + suffix();
  }

  community(): string {
    for (let i = 0; i < 60; i++) {
      const n = this.rng.pick(COMMUNITY_WORDS);
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
    return this.village();
  }

  company(): string {
    return this.rng.pick(BRANDS) + this.rng.pick(INDUSTRIES);
  }
}

/** 市直 units at county level: name, type, and what their grassroots organizations are called. */
export interface AgencySpec {
  readonly name: string;
  readonly unitType: UnitType;
}

const CITY_AGENCIES: readonly AgencySpec[] = [
  ['市委办公室', 'agency'], ['市人大常委会机关', 'agency'], ['市政府办公室', 'agency'], ['市政协机关', 'agency'], ['市纪委机关', 'agency'],
  ['市委组织部', 'agency'], ['市委宣传部', 'agency'], ['市委统战部', 'agency'], ['市委政法委', 'agency'], ['市委党校', 'school'],
  ['市发展和改革委员会', 'agency'], ['市教育局', 'agency'], ['市科学技术局', 'agency'], ['市经济委员会', 'agency'], ['市公安局', 'agency'],
  ['市民政局', 'agency'], ['市司法局', 'agency'], ['市财政局', 'agency'], ['市人事局', 'agency'], ['市劳动和社会保障局', 'agency'],
  ['市国土资源局', 'agency'], ['市建设局', 'agency'], ['市交通局', 'agency'], ['市水利局', 'agency'], ['市农业局', 'agency'],
  ['市林业局', 'agency'], ['市商务局', 'agency'], ['市文化局', 'agency'], ['市卫生局', 'agency'], ['市人口和计划生育委员会', 'agency'],
  ['市审计局', 'agency'], ['市环境保护局', 'agency'], ['市工商行政管理局', 'agency'], ['市质量技术监督局', 'agency'], ['市统计局', 'agency'],
  ['市粮食局', 'agency'], ['市物价局', 'agency'], ['市旅游局', 'agency'], ['市广播电视局', 'agency'], ['市体育局', 'agency'],
  ['市安全生产监督管理局', 'agency'], ['市食品药品监督管理局', 'agency'], ['市规划局', 'agency'], ['市房产管理局', 'agency'],
  ['市城市管理行政执法局', 'agency'], ['市中级人民法院', 'agency'], ['市人民检察院', 'agency'], ['市总工会', 'social_group'],
  ['团市委', 'agency'], ['市妇联', 'social_group'], ['市科协', 'social_group'], ['市文联', 'social_group'], ['市残联', 'social_group'],
  ['市工商联', 'social_group'], ['市信访局', 'agency'], ['市档案局', 'agency'], ['市机关事务管理局', 'agency'], ['市畜牧水产局', 'agency'],
  ['市农业机械管理局', 'agency'], ['市移民开发局', 'agency'], ['市地方税务局', 'agency'], ['市国家税务局', 'agency'],
  ['市烟草专卖局', 'enterprise'], ['市电业局', 'enterprise'], ['市邮政局', 'enterprise'], ['市电信分公司', 'enterprise'],
  ['市第一人民医院', 'agency'], ['市第二人民医院', 'agency'], ['市中医医院', 'agency'], ['市妇幼保健院', 'agency'],
  ['市疾病预防控制中心', 'agency'], ['市第一中学', 'school'], ['市第二中学', 'school'], ['市第六中学', 'school'], ['市一中实验学校', 'school'],
  ['市职业技术学院', 'school'], ['市师范学校', 'school'], ['市卫生学校', 'school'], ['市广播电视大学', 'school'], ['市卷烟厂', 'enterprise'],
  ['市纺织集团公司', 'enterprise'], ['市化工集团公司', 'enterprise'], ['市建工集团公司', 'enterprise'], ['市城市建设投资公司', 'enterprise'],
  ['市交通运输集团公司', 'enterprise'], ['市自来水公司', 'enterprise'], ['市公共交通公司', 'enterprise'], ['市供销合作社', 'enterprise'],
  ['市非公有制经济组织党工委', 'new_social'], ['市社会组织党工委', 'new_social'], ['市律师协会', 'intermediary'],
  ['市注册会计师协会', 'intermediary'], ['市个体劳动者协会', 'social_group'], ['市私营企业协会', 'new_social'], ['市老干部局', 'agency'],
  ['市直机关工委', 'agency'], ['市经济开发区工委', 'agency'], ['市高新技术产业园区工委', 'agency'], ['市国资委', 'agency'],
  ['市金融办', 'agency'], ['市招商局', 'agency'], ['市外事侨务办', 'agency'], ['市地震局', 'agency'], ['市气象局', 'agency'],
  ['市水文局', 'agency'], ['市公路局', 'agency'], ['市航运管理局', 'agency'], ['市保险行业协会', 'intermediary'],
  ['市房地产评估事务所联合会', 'intermediary'], ['市慈善总会', 'social_group'], ['市老年人体育协会', 'social_group'],
].map(([name, unitType]) => ({ name, unitType: unitType as UnitType }));

const EXTRA_AGENCY_PATTERNS: readonly ((n: number, p: string) => AgencySpec)[] = [
  (n) => ({ name: `市第${numeral(n + 6)}中学`, unitType: 'school' }),
  (_, p) => ({ name: `市${p}医院`, unitType: 'agency' }),
  (_, p) => ({ name: `市${p}实业有限公司`, unitType: 'enterprise' }),
  (_, p) => ({ name: `市${p}管理处`, unitType: 'agency' }),
  (_, p) => ({ name: `${p}律师事务所联合党委`, unitType: 'intermediary' }),
  (_, p) => ({ name: `市${p}商会`, unitType: 'social_group' }),
  (_, p) => ({ name: `市${p}民营企业联合党委`, unitType: 'new_social' }),
];

/** `count` city agencies: the real-sounding list first, then patterned extras. */
export function cityAgencies(count: number, names: PlaceNames, rng: Rng): AgencySpec[] {
  const list = rng.shuffle([...CITY_AGENCIES]).slice(0, count);
  for (let i = 0; list.length < count; i++) list.push(EXTRA_AGENCY_PATTERNS[i % EXTRA_AGENCY_PATTERNS.length](i + 1, names.place()));
  return list;
}

/** Branch names inside a unit of each type (appended to the unit's own name). */
export const BRANCH_SUFFIXES: Readonly<Record<UnitType, readonly string[]>> = {
  agency: ['机关第一党支部', '机关第二党支部', '机关第三党支部', '离退休干部党支部', '直属单位党支部', '综合科室联合党支部', '业务科室党支部', '执法大队党支部'],
  school: ['教工第一党支部', '教工第二党支部', '离退休教师党支部', '学生党支部', '行政后勤党支部', '教研组联合党支部'],
  enterprise: ['生产一车间党支部', '生产二车间党支部', '机关党支部', '销售公司党支部', '离退休职工党支部', '技术中心党支部', '物流分公司党支部'],
  new_social: ['联合党支部', '第一联合党支部', '第二联合党支部', '流动党员党支部'],
  intermediary: ['联合党支部', '第一党支部', '第二党支部'],
  social_group: ['机关党支部', '会员联合党支部', '离退休党支部'],
  rural: ['第一党支部', '第二党支部', '第三党支部', '老党员党支部'],
  community: ['居民第一党支部', '居民第二党支部', '离退休党员党支部', '在职党员党支部', '流动党员党支部'],
};

export const COUNTY_DEPARTMENTS = [
  '财政局', '教育局', '卫生局', '民政局', '农业局', '水利局', '交通局', '建设局', '公安局', '国土资源局', '劳动和社会保障局', '林业局',
  '文化局', '审计局', '统计局', '工商局', '环保局', '人民法院', '人民检察院', '信访局', '粮食局', '畜牧水产局', '扶贫办', '广播电视局',
];
