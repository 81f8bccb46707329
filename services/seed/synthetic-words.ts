/**
 * Vocabularies of the synthetic archive (services/seed/synthetic.ts): real Chinese words and phrases and
 * real English words with their inflected forms, so that search over a generated archive behaves
 * like search over a real one. Every list is ordered from common to rare: the generator draws from
 * it with Zipf weights (the first entries of a list are much more frequent than the last).
 *
 * Two characters never appear here, so that SYNTHETIC_QUERIES.none finds nothing: 潜 and 艇.
 * The rare phrases' first characters (古, 甲, 敦, 碑, 瓷, 琴, 棋, 砚, 绣, 漆) appear only in RARE_SENTENCES.
 */

// ------------------------------------------------------------------------------------- Chinese

export const ZH_TIMES = [
  '近日', '今天', '昨天', '本周', '上周', '日前', '今年以来', '今年上半年', '上个月', '本月初', '去年底', '近期', '过去一年',
  '周末', '今年前三季度', '春节前后', '国庆假期期间', '当天上午', '当天下午', '截至目前',
];

export const ZH_PLACES = [
  '北京', '上海', '深圳', '广州', '杭州', '成都', '武汉', '南京', '西安', '重庆', '天津', '苏州', '长沙', '郑州', '青岛', '厦门',
  '合肥', '宁波', '昆明', '大连', '沈阳', '福州', '济南', '哈尔滨', '贵阳', '南宁', '兰州', '海口', '乌鲁木齐', '拉萨',
];

export const ZH_ORGS = [
  '市政府', '开发团队', '编辑部', '研究人员', '有关部门', '多家企业', '高校团队', '技术社区', '行业协会', '地方政府', '运营团队',
  '科研机构', '创业公司', '志愿者组织', '图书馆', '博物馆', '医院', '中小学', '交通部门', '气象部门', '消费者协会', '产业园区',
  '数据中心', '出版社', '新闻网站', '开源基金会',
];

export const ZH_VERBS = [
  '发布了', '推出了', '宣布了', '完成了', '启动了', '升级了', '上线了', '公布了', '部署了', '改进了', '测试了', '评估了', '开放了',
  '调整了', '更新了', '建成了', '签署了', '通过了', '优化了', '试点了',
];

export const ZH_ADJECTIVES = [
  '新的', '新版', '全新的', '首个', '升级后的', '大规模的', '面向公众的', '开源的', '跨平台的', '低成本的', '更安全的', '更快的',
  '智能化的', '一体化的', '区域性的', '长期的', '分阶段的', '试验性的',
];

/** Objects of news sentences; 缓存 (the benchmark's common word) is in a few of them. */
export const ZH_OBJECTS = [
  '管理办法', '服务平台', '发展规划', '工作方案', '数据库', '搜索功能', '移动端应用', '内容管理系统', '公共服务', '数据开放平台',
  '交通网络', '医疗服务', '教育资源', '网站', '缓存系统', '评估报告', '安全标准', '运营策略', '新能源项目', '人工智能模型', '网络安全措施',
  '无障碍设施', '云端服务', '页面缓存', '编辑流程', '栏目改版', '发布系统', '城市更新计划', '乡村振兴项目', '文化旅游线路',
  '体育赛事', '气候监测网络', '金融服务', '消费券', '制造业升级方案', '缓存策略', '物流体系', '充电设施', '养老服务', '社区食堂',
  '垃圾分类方案', '地铁线路', '数字档案', '开源项目', '应急预案', '人才引进政策', '科研成果', '出版计划', '读者调查', '缓存服务器',
];

export const ZH_TOPICS = [
  '人工智能', '数字化转型', '新能源汽车', '网站性能', '数据安全', '开源软件', '城市治理', '乡村振兴', '绿色发展', '教育公平',
  '医疗改革', '文化消费', '全民健身', '老龄化', '碳中和', '内容审核', '信息无障碍', '移动互联网', '跨境电商', '智能制造',
  '公共交通', '住房保障', '食品安全', '就业创业', '科技创新',
];

export const ZH_TRENDS = [
  '明显提升', '稳步增长', '持续改善', '有所下降', '显著加快', '基本持平', '逐步恢复', '大幅提高', '保持稳定', '进一步扩大',
];

export const ZH_PEOPLE = [
  '负责人', '项目经理', '业内人士', '专家', '工作人员', '研究员', '编辑', '工程师', '市民', '受访者', '分析人士', '教师', '医生', '记者',
];

export const ZH_EFFECTS = [
  '深刻影响', '有力推动', '显著改善', '重新塑造', '进一步带动', '持续促进', '逐步改变', '明显提升',
];

export const ZH_FIELDS = [
  '新闻出版', '城市交通', '基础教育', '公共卫生', '文化旅游', '金融服务', '软件开发', '零售行业', '农业生产', '社区服务', '能源供应',
  '网络媒体',
];

export const ZH_EVENTS = [
  '新闻发布会', '年度论坛', '行业大会', '技术沙龙', '座谈会', '开放日活动', '成果展示会', '专题研讨会', '线上直播', '启动仪式',
];

/** Sentence frames; {x} slots are filled from the lists above, {n} with a number. */
export const ZH_SENTENCES = [
  '{time}，{place}{org}{verb}{adj}{object}。',
  '{person}表示，{object}的使用情况{trend}，下一步将继续扩大覆盖范围。',
  '据{place}{org}介绍，{object}已经进入试运行阶段，预计年底前全面投入使用。',
  '业内人士认为，{topic}将{effect}{field}的发展方式。',
  '在{time}举行的{event}上，{org}{verb}{object}，吸引了{n}多名观众关注。',
  '数据显示，{time}{place}的{object}使用量同比增长{n}%。',
  '{org}{person}说，团队在{object}上投入了大量精力，并根据读者反馈不断调整。',
  '围绕{topic}，{place}{org}{verb}{adj}{object}，并计划在{n}个城区推广。',
  '{time}，{org}对{object}进行了全面检查，发现并修复了{n}处问题。',
  '不少{person}指出，{topic}需要更多时间观察，{object}的效果仍有待评估。',
  '为了应对{topic}带来的挑战，{org}{verb}{object}，并与{org}建立了合作机制。',
  '{place}{org}{time}{verb}{object}，这是该地区在{field}领域的又一次尝试。',
  '有关{object}的讨论{trend}，{person}建议先在{place}开展小范围试点。',
  '{person}在{event}上介绍了{object}的设计思路，并回答了现场提问。',
  '截至{time}，{place}已有{n}家单位接入{object}。',
];

export const ZH_HEADINGS = ['背景', '进展', '数据', '各方观点', '下一步', '记者观察', '相关阅读', '延伸', '专家解读', '现场'];

/** Each rare sentence carries one rare phrase; a story holds one with a small probability. */
export const RARE_SENTENCES = [
  '与此同时，当地还启动了古籍修复工作，一批珍贵文献得到妥善保护。',
  '研究人员在甲骨文数字化项目中整理了大量拓片资料。',
  '敦煌壁画临摹展吸引了许多年轻观众驻足欣赏。',
  '工作人员对碑刻拓印技艺进行了系统记录。',
  '展览还展出了一组青花瓷烧制工艺的复原成果。',
  '琴谱整理小组完成了第一批曲目的校订。',
  '围棋古谱研究会公布了新发现的对局记录。',
  '砚台雕刻传承人现场演示了传统技法。',
  '苏绣针法教学课程面向社区居民免费开放。',
  '漆器修复师介绍了大漆工艺的保存难点。',
];

export const ZH_AUTHORS = [
  '王晓明', '李静', '张伟', '刘洋', '陈思远', '杨帆', '赵雪', '黄磊', '周婷', '吴昊', '徐丽', '孙浩', '马骏', '朱琳',
];

export const ZH_TAGS_BASE = [
  '数据库', '缓存', '网站性能', '开源', '人工智能', '城市', '教育', '医疗', '交通', '文化', '旅游', '体育', '气候', '金融', '消费',
  '制造业', '新能源', '乡村振兴', '科技创新', '数据安全', '无障碍', '移动端', '云计算', '内容管理', '搜索', '编辑部', '出版',
  '读者来信', '社区', '养老', '就业', '住房', '食品安全', '环境保护', '公共服务', '数字政府', '网络安全', '跨境电商', '物流',
  '人才', '高校', '中小学', '博物馆', '图书馆', '地铁', '充电桩', '垃圾分类', '应急管理', '天气', '消费维权',
];

export const ZH_TAG_SUFFIXES = ['', '观察', '动态', '专题', '报告'];

// ------------------------------------------------------------------------------------- English

/** [base, past, past participle, -ing, third person]: the forms a reader may type. */
export const EN_VERBS: [string, string, string, string, string][] = [
  ['publish', 'published', 'published', 'publishing', 'publishes'],
  ['announce', 'announced', 'announced', 'announcing', 'announces'],
  ['report', 'reported', 'reported', 'reporting', 'reports'],
  ['render', 'rendered', 'rendered', 'rendering', 'renders'],
  ['launch', 'launched', 'launched', 'launching', 'launches'],
  ['build', 'built', 'built', 'building', 'builds'],
  ['review', 'reviewed', 'reviewed', 'reviewing', 'reviews'],
  ['test', 'tested', 'tested', 'testing', 'tests'],
  ['approve', 'approved', 'approved', 'approving', 'approves'],
  ['expand', 'expanded', 'expanded', 'expanding', 'expands'],
  ['improve', 'improved', 'improved', 'improving', 'improves'],
  ['update', 'updated', 'updated', 'updating', 'updates'],
  ['cache', 'cached', 'cached', 'caching', 'caches'],
  ['index', 'indexed', 'indexed', 'indexing', 'indexes'],
  ['deploy', 'deployed', 'deployed', 'deploying', 'deploys'],
  ['study', 'studied', 'studied', 'studying', 'studies'],
  ['write', 'wrote', 'written', 'writing', 'writes'],
  ['run', 'ran', 'run', 'running', 'runs'],
  ['begin', 'began', 'begun', 'beginning', 'begins'],
  ['grow', 'grew', 'grown', 'growing', 'grows'],
  ['measure', 'measured', 'measured', 'measuring', 'measures'],
  ['schedule', 'scheduled', 'scheduled', 'scheduling', 'schedules'],
  ['edit', 'edited', 'edited', 'editing', 'edits'],
  ['reduce', 'reduced', 'reduced', 'reducing', 'reduces'],
  ['fund', 'funded', 'funded', 'funding', 'funds'],
  ['open', 'opened', 'opened', 'opening', 'opens'],
  ['close', 'closed', 'closed', 'closing', 'closes'],
  ['plan', 'planned', 'planned', 'planning', 'plans'],
  ['hire', 'hired', 'hired', 'hiring', 'hires'],
  ['survey', 'surveyed', 'surveyed', 'surveying', 'surveys'],
];

/** [singular, plural]. */
export const EN_NOUNS: [string, string][] = [
  ['city', 'cities'],
  ['story', 'stories'],
  ['report', 'reports'],
  ['editor', 'editors'],
  ['reader', 'readers'],
  ['server', 'servers'],
  ['page', 'pages'],
  ['company', 'companies'],
  ['policy', 'policies'],
  ['council', 'councils'],
  ['library', 'libraries'],
  ['study', 'studies'],
  ['school', 'schools'],
  ['archive', 'archives'],
  ['newsroom', 'newsrooms'],
  ['community', 'communities'],
  ['budget', 'budgets'],
  ['country', 'countries'],
  ['hospital', 'hospitals'],
  ['university', 'universities'],
  ['agency', 'agencies'],
  ['network', 'networks'],
  ['family', 'families'],
  ['database', 'databases'],
  ['developer', 'developers'],
  ['website', 'websites'],
  ['analysis', 'analyses'],
  ['person', 'people'],
  ['child', 'children'],
  ['woman', 'women'],
  ['index', 'indices'],
  ['station', 'stations'],
  ['museum', 'museums'],
  ['festival', 'festivals'],
  ['election', 'elections'],
];

export const EN_ADJECTIVES = [
  'new', 'local', 'public', 'national', 'regional', 'open', 'faster', 'smaller', 'larger', 'annual', 'digital', 'independent',
  'early', 'final', 'cheaper', 'safer', 'modern', 'rural', 'historic', 'quarterly',
];

export const EN_CITIES = [
  'London', 'Paris', 'Berlin', 'Tokyo', 'Toronto', 'Sydney', 'Nairobi', 'Lagos', 'Mumbai', 'Singapore', 'Chicago', 'Boston',
  'Denver', 'Seattle', 'Madrid', 'Lisbon', 'Dublin', 'Oslo', 'Vienna', 'Prague', 'Montreal', 'Auckland', 'Cape Town', 'Santiago',
];

export const EN_TOPICS = [
  'search', 'transport', 'housing', 'energy', 'climate', 'education', 'health care', 'open source', 'accessibility', 'privacy',
  'security', 'tourism', 'sport', 'culture', 'trade', 'farming', 'water', 'broadband', 'media', 'science',
];

export const EN_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Frames: {Noun}/{noun} singular, {nouns} plural, {past}, {pp} (past participle), {ing}, {verbs}
 * (third person), {base}, {adj}, {city}, {topic}, {day}, {n}. A capitalised slot is capitalised.
 */
export const EN_SENTENCES = [
  'The {adj} {noun} {past} its {topic} plan in {city} on {day}.',
  'Officials said the {noun} was {pp} after {n} {nouns} {past} the {adj} {noun}.',
  '{Nouns} in {city} are {ing} more {nouns} about {topic} than a year ago.',
  'The {noun} {verbs} {n} {nouns} every week, according to the {adj} {noun}.',
  'Several {nouns} plan to {base} the {adj} {topic} {noun} before the end of the year.',
  'A {adj} {noun} in {city} {past} {n} {nouns} and {past} the {topic} {noun}.',
  '{Nouns} have {pp} the {noun} twice since the {adj} {topic} review.',
  'The {topic} {noun} is {ing} {nouns} across {n} {nouns} in {city}.',
  'Critics say the {noun} should {base} its {nouns} before it {verbs} another {noun}.',
  'By {day}, the {adj} {noun} had {pp} {n} {nouns} for {topic}.',
  '{Noun} {ing} is now part of the {adj} {topic} programme in {city}.',
  'The {noun} {past} that {n} {nouns} were {pp} during the {topic} pilot.',
];

export const EN_HEADINGS = ['Background', 'What happens next', 'The numbers', 'Reactions', 'How it works', 'Context', 'Analysis'];

export const EN_AUTHORS = ['Emma Clarke', 'James Okafor', 'Sofia Martins', 'Daniel Weber', 'Priya Nair', 'Lucas Moreau'];

export const EN_TAGS_BASE = [
  'Databases', 'Caching', 'Web performance', 'Open source', 'Artificial intelligence', 'Cities', 'Education', 'Health', 'Transport',
  'Culture', 'Travel', 'Sport', 'Climate', 'Finance', 'Housing', 'Energy', 'Science', 'Privacy', 'Security', 'Accessibility',
  'Publishing', 'Newsrooms', 'Elections', 'Trade', 'Farming', 'Water', 'Broadband', 'Museums', 'Libraries', 'Universities',
];

export const EN_TAG_SUFFIXES = ['', ' briefing', ' analysis'];

// ---------------------------------------------------------------------------------- benchmark

/** What the archive benchmark searches for (scripts/bench/archive.ts). */
export const SYNTHETIC_QUERIES = {
  /** In a large share of the Chinese stories. */
  common: '缓存',
  /** One of RARE_SENTENCES' phrases: about one story in 10,000. */
  rare: '古籍修复',
  /** Matches "published", "publishes" by stem (word-prefix matching finds only "publishing"). */
  english: 'publishing',
  /** Its characters are in no vocabulary. */
  none: '潜水艇',
} as const;
