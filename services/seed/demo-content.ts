/**
 * Demo content for Gazette.
 *
 * Everything in this file is original writing about a fictional company
 * (青禾网络 / Qinghe Web) located in a fictional city (云溪市). All people,
 * customers, phone numbers, addresses and registration numbers are invented
 * placeholders. Plain data only: no imports, no side effects.
 */

export type DemoBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; level: 2 | 3; text: string }
  | { type: 'quote'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  /** A pasted link; a video site's becomes a click-to-play player (domain/video-players.mjs). */
  | { type: 'embed'; url: string; title: string };

/** The demo desk's 责任编辑 per language: demo stories were "published" by nobody on the staff. */
export const demoDeskEditor = { 'zh-CN': '周宁', en: 'Ada Lin' } as const;

/** 专题: the demo's one topic, its stories named by title in the order shown. */
export const demoTopic = {
  slug: 'website-practice',
  title: '网站建设实践',
  intro: '从内容管理系统选型、网址与标题优化到无障碍导航，本专题汇集青禾网络关于网站建设的实践文章，按阅读顺序排列。',
  stories: ['开源内容管理系统迎来新一轮发展 无头架构成为热门选择', '中文网站URL与标题优化的六个常见误区', 'Building Accessible Navigation Menus with Semantic HTML'],
};

export interface DemoSite {
  name: string;
  tagline: string;
  hotline: string;
  footerText: string;
  icp: string;
  policeFiling: string;
  reprintTemplate: string;
}

export interface DemoSection {
  slug: string;
  title: string;
  description: string;
  seoTitle?: string;
  seoDescription?: string;
  parent?: string;
  sortOrder: number;
}

export interface DemoAuthor {
  slug: string;
  name: string;
  bio: string;
  email: string;
}

export interface DemoTag {
  slug: string;
  name: string;
}

export interface DemoPage {
  slug: string;
  title: string;
  body: DemoBlock[];
}

export interface DemoArticle {
  title: string;
  subtitle?: string;
  excerpt: string;
  section: string; // a DemoSection slug
  tags: string[]; // DemoTag slugs
  authors: string[]; // DemoAuthor slugs, in order (may be empty when only a byline is used)
  byline?: string; // free-text publisher/byline shown after 发布者
  source?: string; // 来源
  editor?: string; // 责任编辑; default: the desk's editor of the story's language (demoDeskEditor)
  /** Corrections and significant updates, `hoursAfter` publication. */
  notices?: { kind: 'update' | 'correction'; note: string; hoursAfter: number }[];
  /** A PDF listed for download (附件下载): its file name and the lines printed on its one page. */
  attachment?: { name: string; lines: string[] };
  locale: 'zh-CN' | 'en';
  publishedAt: string; // ISO 8601 with offset
  status?: 'published' | 'draft' | 'scheduled' | 'in_review'; // default published
  featured?: boolean;
  pinned?: boolean;
  views: number;
  body: DemoBlock[];
}

// ---------------------------------------------------------------------------
// Small block helpers (keep the article data below readable)
// ---------------------------------------------------------------------------

const p = (text: string): DemoBlock => ({ type: 'paragraph', text });
const h2 = (text: string): DemoBlock => ({ type: 'heading', level: 2, text });
const h3 = (text: string): DemoBlock => ({ type: 'heading', level: 3, text });
const q = (text: string): DemoBlock => ({ type: 'quote', text });
const ul = (...items: string[]): DemoBlock => ({ type: 'list', ordered: false, items });
const ol = (...items: string[]): DemoBlock => ({ type: 'list', ordered: true, items });

// ---------------------------------------------------------------------------
// Site
// ---------------------------------------------------------------------------

export const demoSite: DemoSite = {
  name: '青禾网络',
  tagline: '专注网站建设与数字化服务',
  hotline: '400-800-0000',
  footerText: '© 2026 青禾网络（示例站点） 版权所有 · 本站内容均为演示用虚构内容',
  icp: '示例ICP备00000000号',
  policeFiling: '示例公网安备00000000000000号',
  reprintTemplate: '转载请标注：{site}——{title}（{url}）',
};

// ---------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------

export const demoSections: DemoSection[] = [
  {
    slug: 'news',
    title: '新闻信息',
    description: '青禾网络的公司新闻、活动报道与重要公告。',
    seoTitle: '新闻信息 - 青禾网络',
    seoDescription: '了解青禾网络的最新动态、重要公告与线下活动报道。',
    sortOrder: 1,
  },
  {
    slug: 'company',
    title: '公司新闻',
    description: '公司发展、产品发布、团队建设等方面的最新消息。',
    seoTitle: '公司新闻 - 青禾网络',
    parent: 'news',
    sortOrder: 1,
  },
  {
    slug: 'events',
    title: '活动报道',
    description: '技术沙龙、开放日、公开课与客户活动的现场报道。',
    seoTitle: '活动报道 - 青禾网络',
    parent: 'news',
    sortOrder: 2,
  },
  {
    slug: 'industry',
    title: '行业动态',
    description: '关注网站建设、内容管理、数据隐私与云托管领域的发展趋势。',
    seoTitle: '行业动态 - 青禾网络',
    seoDescription: '网站性能、无障碍、搜索优化、开源内容管理与云托管的行业观察。',
    sortOrder: 2,
  },
  {
    slug: 'tech',
    title: '技术文章',
    description: '来自青禾网络工程团队的实践经验与技术分享。',
    seoTitle: '技术文章 - 青禾网络',
    seoDescription: '前端开发、搜索优化、工程实践等方向的原创技术文章。',
    sortOrder: 3,
  },
  {
    slug: 'frontend',
    title: '前端开发',
    description: '页面性能、可访问性、组件设计与工程化实践。',
    seoTitle: '前端开发 - 技术文章 - 青禾网络',
    parent: 'tech',
    sortOrder: 1,
  },
  {
    slug: 'seo',
    title: '搜索优化',
    description: '结构化数据、站点地图、多语言站点等搜索优化实战经验。',
    seoTitle: '搜索优化 - 技术文章 - 青禾网络',
    parent: 'tech',
    sortOrder: 2,
  },
  {
    slug: 'cases',
    title: '客户案例',
    description: '我们为不同行业客户交付的网站与数字化项目。',
    seoTitle: '客户案例 - 青禾网络',
    seoDescription: '制造、教育、零售电商等行业的网站建设与改造案例。',
    sortOrder: 4,
  },
];

// ---------------------------------------------------------------------------
// Authors
// ---------------------------------------------------------------------------

export const demoAuthors: DemoAuthor[] = [
  {
    slug: 'lin-xiaoyu',
    name: '林晓雨',
    bio: '青禾网络新闻中心编辑，负责公司新闻与活动报道，关注技术团队背后的人和故事。',
    email: 'lin.xiaoyu@example.com',
  },
  {
    slug: 'zhou-mingzhe',
    name: '周明哲',
    bio: '青禾网络前端架构师，Gazette 项目核心维护者，长期关注页面性能与可访问性。',
    email: 'zhou.mingzhe@example.com',
  },
  {
    slug: 'chen-jingyi',
    name: '陈静怡',
    bio: '搜索优化顾问，曾为数十家企业网站制定内容与技术优化方案，擅长结构化数据与多语言站点。',
    email: 'chen.jingyi@example.com',
  },
  {
    slug: 'su-wenhao',
    name: '苏文浩',
    bio: '客户成功经理，负责制造、教育与零售行业项目交付，喜欢把复杂需求讲清楚。',
    email: 'su.wenhao@example.com',
  },
  {
    slug: 'emily-carter',
    name: 'Emily Carter',
    bio: 'International partnerships editor at Qinghe Web. Writes about open-source publishing tools and the people who use them.',
    email: 'emily.carter@example.com',
  },
  {
    slug: 'tomas-berg',
    name: 'Tomas Berg',
    bio: 'Developer advocate on the Gazette team, focused on web performance, accessibility and multilingual sites.',
    email: 'tomas.berg@example.com',
  },
];

// ---------------------------------------------------------------------------
// Tags
// ---------------------------------------------------------------------------

export const demoTags: DemoTag[] = [
  { slug: 'gongsi-dongtai', name: '公司动态' },
  { slug: 'kaiyuan', name: '开源' },
  { slug: 'nextjs', name: 'Next.js' },
  { slug: 'typescript', name: 'TypeScript' },
  { slug: 'seo', name: 'SEO' },
  { slug: 'wangzhan-xingneng', name: '网站性能' },
  { slug: 'wuzhangai', name: '无障碍' },
  { slug: 'shuju-yinsi', name: '数据隐私' },
  { slug: 'yun-tuoguan', name: '云托管' },
  { slug: 'neirong-guanli', name: '内容管理' },
  { slug: 'yonghu-tiyan', name: '用户体验' },
  { slug: 'wangluo-anquan', name: '网络安全' },
  { slug: 'core-web-vitals', name: 'Core Web Vitals' },
  { slug: 'jishu-shalong', name: '技术沙龙' },
  { slug: 'rencai-peiyang', name: '人才培养' },
  { slug: 'dianshang', name: '电商' },
  { slug: 'jiaoyu', name: '教育行业' },
  { slug: 'zhizaoye', name: '制造业' },
];

// ---------------------------------------------------------------------------
// Static pages
// ---------------------------------------------------------------------------

export const demoPages: DemoPage[] = [
  {
    slug: 'about',
    title: '关于我们',
    body: [
      p('青禾网络成立于2016年，总部位于云溪市高新区，是一家专注网站建设与数字化服务的技术公司。十年来，我们为制造、教育、零售、文化等行业的数百家客户提供了官网建设、内容管理系统、搜索优化与云托管服务。'),
      p('我们相信，好的网站应当加载迅速、人人可用、易于维护。为此，团队坚持把性能、无障碍和安全作为每个项目的基本要求，而不是上线之后的补丁。'),
      h2('开源与社区'),
      p('2024年起，青禾网络将自研的新闻内容管理系统 Gazette 以开源方式发布，希望让更多中小机构用上稳定、易用的发布工具。我们也定期举办技术沙龙与开放日，与同行交流经验。'),
    ],
  },
  {
    slug: 'contact',
    title: '联系我们',
    body: [
      p('如果您有网站建设、系统改造或技术咨询方面的需求，欢迎通过以下方式与我们联系，我们会在一个工作日内回复。'),
      ul(
        '服务热线：400-800-0000（工作日 9:00—18:00）',
        '商务邮箱：hello@example.com',
        '媒体联络：press@example.com',
        '公司地址：云溪市高新区青禾路88号创新大厦12层（虚构地址）',
      ),
      p('来访前请提前预约，以便我们安排对应的项目顾问接待。'),
    ],
  },
  {
    slug: 'services',
    title: '服务项目',
    body: [
      p('青禾网络提供从规划、设计、开发到运维的一站式网站服务，可按项目阶段单独合作，也可长期托管。'),
      ul(
        '企业官网与品牌站点建设',
        '新闻资讯站与内容管理系统（基于 Gazette）定制开发',
        '网站性能诊断与优化',
        '无障碍评估与改造',
        '搜索优化咨询与内容策略',
        '云托管、监控与安全运维',
      ),
      h2('合作流程'),
      ol('需求沟通与现状评估', '方案与报价确认', '设计与开发迭代', '测试、验收与上线', '运维与持续优化'),
    ],
  },
  {
    slug: 'privacy',
    title: '隐私政策',
    body: [
      p('青禾网络重视每一位访客的隐私。本站仅收集提供服务所必需的最少信息，并按照本政策说明的方式使用和保护这些信息。'),
      h2('我们收集的信息'),
      ul(
        '您主动提交的联系信息，例如在咨询表单中填写的姓名、邮箱和电话；',
        '为统计访问量而记录的匿名化访问数据，不包含可识别个人身份的信息；',
        '维持登录状态所需的必要 Cookie（仅限编辑后台）。',
      ),
      h2('信息的使用与保存'),
      p('上述信息仅用于回复咨询、改进网站体验和保障系统安全，不会出售或提供给第三方用于营销。咨询记录在处理完毕后保存不超过十二个月，您可随时发送邮件至 privacy@example.com 要求查询、更正或删除。'),
    ],
  },
];

// ---------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------

const NEWSROOM = '青禾网络 新闻中心';
const ORIGINAL = '本站原创';
const TECH_BLOG = '青禾网络技术博客';

export const demoArticles: DemoArticle[] = [
  // ------------------------------------------------------------------ June
  {
    title: '开源内容管理系统迎来新一轮发展 无头架构成为热门选择',
    excerpt: '越来越多的机构把内容管理与前端展示拆开部署，开源内容管理系统正在从“大而全”走向“小而专”。',
    section: 'industry',
    tags: ['kaiyuan', 'neirong-guanli'],
    authors: ['su-wenhao'],
    byline: NEWSROOM,
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-06-03T10:00:00+08:00',
    views: 1862,
    notices: [
      { kind: 'correction', note: '本文初版称“真正每天用到的功能不足两成”，与受访者原话不符，现更正为“不足三成”。', hoursAfter: 26 },
      { kind: 'update', note: '补充了选型关注点中的“部署与运维成本”一项。', hoursAfter: 50 },
    ],
    attachment: { name: '开源内容管理系统选型清单（示例）.pdf', lines: ['Open-source CMS checklist (demo file)', '1. Content model and editorial workflow', '2. Deployment and operating costs', '3. Security updates and community'] },
    body: [
      p('近两年，内容管理系统领域出现了一个明显的变化：越来越多的机构不再追求“一套系统包打天下”，而是把内容编辑、存储与前端展示拆分开来，通过接口连接。这种被称为“无头”（Headless）的架构，正在成为中小型新闻站点和企业官网改版时的热门选择。'),
      h2('从“大而全”到“小而专”'),
      p('传统的一体化系统往往集成了模板、插件、会员、商城等大量功能，初期上手快，但随着业务发展，升级困难、插件冲突、页面臃肿等问题逐渐显现。不少技术负责人反映，真正每天用到的功能不足三成，其余部分反而成为安全隐患和维护负担。'),
      p('新一代开源项目普遍选择做减法：专注于内容建模、编辑流程和发布管理，把展示层交给团队熟悉的前端框架。这样一来，编辑部门获得稳定的后台，开发团队则可以自由选择技术栈。'),
      h2('选型时需要关注什么'),
      p('青禾网络客户成功团队在近一年的项目交流中发现，机构在评估开源内容管理系统时，最关心的并不是功能数量，也不是界面是否新潮，而是能否长期稳定地用下去。归纳起来，大家关注的重点主要集中在以下几个方面：'),
      ul(
        '编辑体验是否友好，非技术人员能否独立完成发稿、审核与定时发布；',
        '数据结构是否清晰，能否方便地导出和迁移；',
        '社区是否活跃，安全问题能否得到及时修复；',
        '部署与运维成本是否可控。',
      ),
      q('开源不等于免费午餐，选型时要把后续的维护投入一并算进去。'),
      p('业内人士认为，无头架构并非适合所有场景。对于内容量较小、改版频率低的站点，一体化方案依然简单可靠，前后端分离反而会增加部署环节。关键在于结合团队规模和业务节奏做出判断，而不是盲目追逐潮流。'),
    ],
  },
  {
    title: 'Building Accessible Navigation Menus with Semantic HTML',
    excerpt: 'Most navigation bugs that screen-reader users hit come from div soup. A few semantic elements and attributes fix the majority of them.',
    section: 'frontend',
    tags: ['wuzhangai', 'yonghu-tiyan'],
    authors: ['tomas-berg'],
    source: TECH_BLOG,
    locale: 'en',
    publishedAt: '2026-06-09T14:30:00+08:00',
    views: 742,
    body: [
      p('When we audit client sites, the navigation menu is the single most common source of accessibility problems. It is also one of the easiest to fix, because the browser already knows how to handle most of it — as long as we let it.'),
      h2('Start with the right elements'),
      p('A site menu is a list of links inside a navigation landmark. Writing it as a nav element containing an unordered list gives assistive technology everything it needs: the landmark lets users jump straight to the menu, and the list tells them how many items there are before they start.'),
      ul(
        'Use nav with an aria-label when a page has more than one navigation region.',
        'Use real anchor elements for links and real button elements for toggles.',
        'Mark the current page with aria-current="page" instead of relying on colour alone.',
      ),
      h2('Dropdowns without the drama'),
      p('Submenus are where things usually go wrong. A pattern that works well in practice is a disclosure button: a button next to the parent link that toggles the submenu and reflects its state with aria-expanded. It keeps keyboard behaviour predictable and avoids the complex roles meant for desktop-style application menus.'),
      q('If a mouse user can open it, a keyboard user must be able to open it, and a screen-reader user must be told that it opened.'),
      h2('Test with a keyboard first'),
      p('Before reaching for any tool, unplug the mouse and press Tab through the header. Focus should be clearly visible, move in reading order, and never disappear into a hidden submenu. In our experience, this five-minute check catches more real-world issues than any automated scanner.'),
      p('Embedded media deserve the same care. The video below is a placeholder until you press play: nothing from the video site loads before that, and the player can be reached and started from the keyboard.'),
      { type: 'embed', url: 'https://vimeo.com/76979871', title: 'Vimeo’s example player' },
    ],
  },
  {
    title: '青禾网络云溪研发中心正式启用',
    excerpt: '6月12日，青禾网络云溪研发中心正式投入使用，新办公区将容纳前端、后端与设计团队约一百二十人。',
    section: 'company',
    tags: ['gongsi-dongtai', 'rencai-peiyang'],
    authors: ['lin-xiaoyu'],
    byline: NEWSROOM,
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-06-12T09:30:00+08:00',
    views: 1275,
    body: [
      p('6月12日上午，青禾网络云溪研发中心在高新区创新大厦正式启用。新研发中心面积约三千平方米，将集中容纳公司前端、后端、设计与测试团队约一百二十名员工，为后续业务扩展提供空间保障。'),
      p('启用仪式简朴而热烈。公司创始人、首席执行官何振宇在致辞中回顾了团队从一间十几平方米的小办公室起步的经历，他表示，研发中心的启用是公司发展的新起点，也是对每一位同事的承诺。'),
      q('我们希望这里不仅是写代码的地方，更是大家愿意分享、愿意学习的地方。'),
      h2('为协作而设计'),
      p('新办公区在设计上充分考虑了团队协作的需要：开放工位与安静区分开设置，配备六间大小不一的会议室和一个可容纳八十人的多功能厅，后者将作为技术沙龙、内部分享和开放日活动的固定场地。'),
      p('为照顾不同员工的需求，研发中心还设有母婴室、无障碍卫生间和休息区，通道与工位间距均按照无障碍通行标准预留。行政部负责人介绍，这些细节在设计阶段就征求了员工意见。'),
      h2('加大人才培养投入'),
      p('据了解，研发中心启用后，公司将同步推出“青苗计划”，面向应届毕业生和转岗员工提供为期三个月的系统培训，由资深工程师担任导师，帮助新人尽快熟悉项目流程和工程规范。'),
    ],
  },
  {
    title: '知墨书店官网与线上商城一体化改造',
    subtitle: '一套内容后台，同时服务门店活动、书评专栏与线上销售',
    excerpt: '连锁书店品牌知墨书店将官网与线上商城合并改造，编辑团队只需在一个后台维护内容，活动页面上线时间从三天缩短到半天。',
    section: 'cases',
    tags: ['dianshang', 'yun-tuoguan'],
    authors: ['su-wenhao'],
    byline: '青禾网络 客户成功部',
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-06-18T15:00:00+08:00',
    views: 964,
    body: [
      p('知墨书店是一家在多个城市拥有门店的连锁书店品牌（本文客户名称为化名）。过去，它的官网、书评专栏和线上商城分别由三家供应商维护，内容重复录入、风格不统一，每次门店举办读书会都要在三个系统里分别发布信息。'),
      h2('客户面临的问题'),
      ul(
        '同一场活动需要在三个后台重复编辑，容易出现时间、地点不一致；',
        '商城页面加载缓慢，移动端跳出率偏高；',
        '旧系统托管在自建服务器上，节假日流量高峰时曾多次出现访问中断。',
      ),
      h2('我们的方案'),
      p('项目组以 Gazette 作为统一的内容后台，将门店活动、书评专栏和图书推荐统一建模；商城交易部分保留客户原有的订单系统，通过接口读取商品与库存信息。前台页面按内容类型拆分模板，编辑只需选择版式、填写内容即可发布。'),
      p('在部署上，站点迁移至云托管平台，静态资源通过内容分发网络加速，并为节假日大促配置了自动扩容策略。整个迁移过程分三批完成，旧链接全部做了永久重定向，保证搜索引擎收录不受影响。'),
      h2('上线效果'),
      p('新站点上线三个月后，门店活动页面从策划到上线的平均时间由三天缩短至半天，移动端首页加载时间下降约百分之五十五。客户市场部负责人表示，编辑同事终于可以把精力放在选题和内容本身，而不是在几个后台之间来回切换。'),
    ],
  },
  {
    title: '中文网站URL与标题优化的六个常见误区',
    excerpt: '拼音还是英文？标题要不要堆关键词？本文梳理了我们在中文网站诊断中最常遇到的六个误区。',
    section: 'seo',
    tags: ['seo', 'yonghu-tiyan'],
    authors: ['chen-jingyi'],
    source: TECH_BLOG,
    locale: 'zh-CN',
    publishedAt: '2026-06-24T11:00:00+08:00',
    views: 2318,
    body: [
      p('在为企业网站做搜索优化诊断时，URL 结构和页面标题几乎是必查项。这两处改动成本低、见效相对明显，却也最容易出现“用力过猛”的情况。下面总结了我们在项目中最常遇到的六个误区。'),
      h2('误区一：URL 里塞满关键词'),
      p('有的站点把文章 URL 写成一长串关键词组合，既难以阅读，也显得刻意。实际上，简短、稳定、能大致反映页面主题的地址就足够了。对于中文内容，使用简短拼音或英文单词都可以，关键是全站保持一致的规则。'),
      h2('误区二：频繁修改已收录页面的地址'),
      p('每次改版都重新设计 URL，是导致流量断崖式下降的常见原因。如果确实需要调整，务必为旧地址设置永久重定向，并在站点地图中及时更新，给搜索引擎足够的时间识别变化。'),
      h2('误区三至六'),
      ol(
        '标题重复：大量页面使用相同的标题，导致搜索结果难以区分；',
        '标题过长：超出展示长度的部分会被截断，重要信息反而看不到；',
        '忽视站点名称位置：品牌名应放在标题末尾，让主题信息优先展示；',
        '只为搜索引擎写标题：标题首先是写给读者的，可读性永远排在第一位。',
      ),
      q('好的标题让读者一眼看懂页面讲什么，搜索引擎也是这样理解它的。'),
      p('这些问题单独看都不复杂，但在拥有数千个页面的站点上，往往需要从模板和发布流程入手统一解决。Gazette 在发布时会根据标题自动生成简短地址，并允许编辑手动调整，正是出于这样的考虑。'),
    ],
  },
  {
    title: '青禾网络举办第三届“开源开放日”活动',
    excerpt: '6月27日，青禾网络第三届开源开放日在云溪研发中心举行，近百位开发者与高校师生到场交流。',
    section: 'events',
    tags: ['kaiyuan', 'jishu-shalong'],
    authors: ['lin-xiaoyu'],
    byline: NEWSROOM,
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-06-29T17:20:00+08:00',
    views: 688,
    body: [
      p('6月27日，青禾网络第三届“开源开放日”在刚刚启用的云溪研发中心多功能厅举行。来自本地企业的开发者、高校师生和开源爱好者近百人参加了活动，这也是新场地启用后举办的第一场对外活动。'),
      h2('主题分享：开源项目如何持续运营'),
      p('上午的主题分享环节，Gazette 项目核心维护者周明哲介绍了项目过去一年的进展：累计合并外部贡献者提交的改进一百余项，文档完成了中英双语重写，新增了定时发布、多作者署名等功能。他坦言，维护一个开源项目最难的不是写代码，而是保持耐心回应每一个问题。'),
      q('每一条问题反馈背后都是一个愿意花时间帮助我们的人，认真回复是最基本的尊重。'),
      h2('动手工作坊'),
      p('下午的工作坊分为“第一次提交贡献”和“用 Gazette 搭建校园新闻站”两个方向。现场工程师手把手带领参与者完成环境搭建、代码修改和提交流程，不少同学在活动结束前就提交了自己的第一个修改建议。'),
      p('来自云溪职业技术学院的一名学生表示，以前觉得开源项目离自己很远，总以为只有经验丰富的工程师才能参与，今天才发现，修改一处文档错误、补充一个使用示例，同样是有价值的贡献，也是了解项目最好的入口。'),
      p('据主办方介绍，开源开放日将继续每半年举办一次，下一届计划增加无障碍测试和多语言翻译两个主题工作坊，并邀请更多高校社团参与。活动的讲稿和工作坊材料也将整理后在项目文档中公开，方便未能到场的朋友学习。'),
    ],
  },
  // ------------------------------------------------------------------ July
  {
    title: '数据隐私合规走向常态化，企业网站需要做好哪些准备',
    excerpt: '隐私保护已经从“专项整改”变成日常工作。对于企业网站而言，从表单设计到日志保存，都有值得重新审视的地方。',
    section: 'industry',
    tags: ['shuju-yinsi', 'wangluo-anquan'],
    authors: ['su-wenhao'],
    byline: NEWSROOM,
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-07-03T10:15:00+08:00',
    views: 1540,
    body: [
      p('过去，不少企业把网站的隐私保护理解为“上线前补一份隐私政策”。如今，随着用户意识的提升和行业规范的完善，隐私合规正在成为网站日常运营的一部分，需要贯穿设计、开发和运维的每一个环节。'),
      h2('从最少收集开始'),
      p('最有效的保护，是不收集不需要的数据。青禾网络在项目评审中发现，许多咨询表单要求填写的字段远超实际需要，例如只为回电却要求填写详细住址。精简表单不仅降低了合规风险，往往还能提高提交率。'),
      h2('几项容易被忽视的细节'),
      ul(
        '访问日志中的完整 IP 地址是否有必要长期保存；',
        '第三方统计、客服、地图等插件会向外部发送哪些数据；',
        '后台导出的客户名单是否设置了访问权限和保存期限；',
        '测试环境是否使用了未经脱敏的真实数据。',
      ),
      p('这些细节单独看似乎无关紧要，但一旦发生数据泄露，往往正是从这些薄弱环节开始的。尤其是测试环境和数据导出文件，常常游离在正式的安全管理之外，既没有访问控制，也没有人记得及时清理。'),
      q('隐私保护不是一次性的项目，而是一种默认设置。'),
      p('业内人士建议，企业可以每年对网站做一次隐私自查，列出所有收集数据的入口、用途和保存期限，并指定专人负责。对于技术能力有限的中小企业，选择默认遵循隐私友好设计的建站工具，也是降低成本的务实做法。'),
    ],
  },
  {
    title: '团队代码评审实践：我们如何让评审更高效',
    excerpt: '代码评审既是质量关口，也是团队学习的机会。分享青禾网络工程团队在评审流程上的几点调整。',
    section: 'tech',
    tags: ['typescript', 'rencai-peiyang'],
    authors: ['zhou-mingzhe'],
    source: TECH_BLOG,
    locale: 'zh-CN',
    publishedAt: '2026-07-08T16:00:00+08:00',
    views: 1129,
    body: [
      p('一年前，我们的代码评审常常陷入两种极端：要么改动太大，评审者只能匆匆扫一眼就通过；要么在命名和格式上反复争论，一个小修改拖上好几天。经过几轮调整，团队逐渐形成了一套相对顺畅的做法。'),
      h2('把机器能做的事交给机器'),
      p('格式、导入顺序、未使用变量这类问题，全部交给格式化工具和静态检查在提交前自动处理。TypeScript 开启严格模式后，大量潜在的空值问题在编译阶段就能暴露，评审者可以把注意力集中在业务逻辑和设计取舍上。'),
      h2('控制每次提交的规模'),
      p('我们约定单次评审的改动尽量控制在四百行以内。较大的功能拆分为多个可独立合并的步骤，例如先提交数据结构调整，再提交接口，最后提交界面。评审者能看懂每一步，也更容易发现问题。'),
      h2('评审意见分级'),
      ol(
        '必须修改：存在缺陷、安全隐患或与约定不符；',
        '建议修改：有更好的写法，但不影响合并；',
        '仅供讨论：个人偏好或延伸思考，作者可自行决定。',
      ),
      p('分级之后，作者能迅速判断哪些意见需要优先处理，评审者表达不同看法时也少了些顾虑，不必担心一句随口的建议拖慢整个进度。对新同事来说，“仅供讨论”类的意见往往是最好的学习材料。'),
      q('评审的目标是让代码更好，而不是证明谁更聪明。'),
    ],
  },
  {
    title: 'Qinghe Web Opens English Newsroom for International Partners',
    excerpt: 'Qinghe Web’s newsroom now publishes selected company news, case studies and technical articles in English.',
    section: 'news',
    tags: ['gongsi-dongtai', 'neirong-guanli'],
    authors: ['emily-carter'],
    byline: 'Qinghe Web Newsroom',
    source: ORIGINAL,
    locale: 'en',
    publishedAt: '2026-07-14T09:00:00+08:00',
    views: 412,
    body: [
      p('Starting this month, Qinghe Web’s newsroom publishes a selection of its articles in English. The new English edition is aimed at the growing number of partners, contributors and users of the open-source Gazette project who do not read Chinese.'),
      p('The English edition is not a line-by-line translation of the Chinese site. Editors choose stories that are most relevant to an international audience — release notes, case studies and technical guides — and adapt them with additional context where needed.'),
      h2('Built on the same platform'),
      p('Both editions run on a single Gazette installation. Each article carries its own locale, and readers can switch languages from the site header. Behind the scenes, the editorial team uses the same review and scheduling workflow for both languages, which keeps publishing consistent without doubling the work.'),
      q('Running our own newsroom on Gazette is the best way to find out what our users need from it.'),
      p('Feedback on the English edition is welcome at press@example.com. The team plans to add more technical tutorials in the coming months.'),
    ],
  },
  {
    title: '图片优化实战：让首屏加载时间缩短一半',
    excerpt: '在多数企业网站中，图片占据了页面体积的大头。通过格式、尺寸和加载策略三方面调整，首屏加载时间可以明显下降。',
    section: 'frontend',
    tags: ['wangzhan-xingneng', 'core-web-vitals'],
    authors: ['zhou-mingzhe'],
    source: TECH_BLOG,
    locale: 'zh-CN',
    publishedAt: '2026-07-17T14:00:00+08:00',
    views: 3467,
    body: [
      p('在我们诊断过的企业网站中，图片通常占页面总传输体积的六成以上。一张未经处理的首页大图动辄数兆字节，在移动网络下足以让访客失去耐心。好消息是，图片优化是投入产出比最高的性能工作之一。'),
      h2('第一步：选择合适的格式'),
      p('照片类图片优先使用现代压缩格式，并为不支持的浏览器保留兼容格式作为回退；图标和简单图形尽量使用矢量格式。仅这一项调整，就能让图片体积平均减少三到五成，而肉眼几乎看不出画质差别。'),
      h2('第二步：按需提供尺寸'),
      p('手机屏幕不需要下载为宽屏显示器准备的原图。通过为同一张图片生成多种宽度的版本，并在页面中声明各自适用的条件，浏览器会自动挑选最合适的一张。同时务必写明图片的宽高比例，避免加载过程中页面跳动。'),
      h2('第三步：调整加载优先级'),
      ul(
        '首屏主图提高加载优先级，不要使用延迟加载；',
        '首屏以下的图片统一延迟加载；',
        '装饰性背景图考虑用纯色或渐变替代。',
      ),
      p('在一个企业官网改版项目中，我们按上述步骤处理后，移动端最大内容绘制时间从约四点八秒降到二点一秒，累计布局偏移也基本消除。这些指标的改善，同样反映在了访客停留时长上。'),
      q('性能优化不必从复杂的架构调整开始，先把图片处理好，往往就能解决一半的问题。'),
    ],
  },
  {
    title: '青禾网络顺利通过信息安全管理体系年度复审',
    excerpt: '经过为期三天的现场审核，青禾网络顺利通过信息安全管理体系年度复审，审核组对公司的权限管理与应急演练给予肯定。',
    section: 'company',
    tags: ['wangluo-anquan', 'shuju-yinsi', 'gongsi-dongtai'],
    authors: [],
    byline: NEWSROOM,
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-07-22T10:30:00+08:00',
    views: 536,
    body: [
      p('近日，青禾网络顺利通过信息安全管理体系年度复审。审核组用三天时间对公司的研发、运维、行政等部门进行了现场审核，重点检查了访问权限管理、客户数据保护、供应商管理和安全事件应急处置等方面的执行情况。'),
      p('审核组在总结会上指出，公司在生产环境权限最小化、客户数据分级保护以及定期应急演练方面做得较为扎实，同时也就部分文档更新不及时、外包人员培训记录不完整等问题提出了改进建议。'),
      h2('安全是交付质量的一部分'),
      p('公司运维负责人表示，对于一家为客户托管网站的企业而言，安全不是附加项，而是交付质量的一部分。过去一年，团队完成了全部托管站点的证书自动续期改造，并将备份恢复演练从每年一次提高到每季度一次。'),
      q('审核发现的每一个问题，都是我们提前发现风险的机会。'),
      p('针对本次复审提出的建议，公司已制定整改计划，明确了每一项的责任人和完成时间，预计在九月底前全部完成，并将在下一次内部审核中逐项复查。外包人员的安全培训也将纳入入场流程，培训记录统一归档。'),
    ],
  },
  {
    title: '鲜果集大促期间的网站性能保障实录',
    excerpt: '生鲜电商平台鲜果集在年中促销期间访问量达到平日的八倍，页面始终保持稳定。我们复盘了背后的准备工作。',
    section: 'cases',
    tags: ['dianshang', 'wangzhan-xingneng', 'yun-tuoguan'],
    authors: ['su-wenhao', 'zhou-mingzhe'],
    byline: '青禾网络 客户成功部',
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-07-28T09:45:00+08:00',
    views: 2241,
    body: [
      p('鲜果集是一家区域性生鲜电商平台（本文客户名称为化名）。每年的年中促销是其全年最重要的销售节点，去年曾因活动页面加载过慢，导致大量用户在抢购开始后的十分钟内流失。今年，客户希望青禾网络协助做好活动期间的性能保障。'),
      h2('提前一个月开始压测'),
      p('项目组首先梳理了活动期间的关键页面：活动首页、商品列表、商品详情和下单页。针对这些页面，我们模拟了平日十倍的访问量进行压力测试，找出了数据库查询、图片处理和第三方脚本三个主要瓶颈。'),
      h2('针对性的优化措施'),
      ul(
        '活动首页与商品列表改为预先生成的静态页面，库存信息单独异步获取；',
        '商品图片统一转换为现代格式并按尺寸裁切，单页图片体积下降约百分之六十；',
        '暂停活动页中非必要的第三方统计和弹窗脚本；',
        '为云托管平台配置提前扩容和自动扩容双重策略。',
      ),
      h2('活动当天的表现'),
      p('促销当天，平台访问量峰值达到平日的八倍左右。活动首页在峰值期间的平均响应时间保持在三百毫秒以内，没有出现访问中断。值守工程师全程只处理了一次因缓存配置导致的价格显示延迟，约五分钟后恢复正常。'),
      q('最好的应急预案，是让应急预案用不上。'),
      p('客户技术负责人在复盘会上表示，这次合作最大的收获不只是平稳度过了大促，而是建立了一套可以每年复用的准备流程：从压测清单、扩容预案到值守排班，都已整理成文档，明年可以直接在此基础上调整。'),
    ],
  },
  // ---------------------------------------------------------------- August
  {
    title: '边缘计算与云托管降低中小网站运维门槛',
    excerpt: '把页面缓存和部分逻辑放到离用户更近的节点上，中小网站也能获得过去只有大型平台才有的访问速度与稳定性。',
    section: 'industry',
    tags: ['yun-tuoguan', 'wangzhan-xingneng'],
    authors: ['su-wenhao'],
    byline: NEWSROOM,
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-08-04T11:20:00+08:00',
    views: 1387,
    body: [
      p('对于许多中小企业来说，网站运维曾是一件让人头疼的事：服务器需要有人看管，系统需要定期打补丁，访问量一上来就担心宕机。近年来，随着云托管和边缘计算服务的普及，这些问题正在以更低的成本得到解决。'),
      h2('离用户更近，页面更快'),
      p('边缘计算的核心思路，是把内容缓存和一部分简单逻辑部署到分布在各地的节点上，用户访问时由最近的节点响应。对于以内容展示为主的企业官网和资讯站点，大部分页面都可以在边缘节点直接返回，源站压力大幅下降。'),
      h2('按需付费，弹性伸缩'),
      p('与传统的包年服务器相比，云托管服务通常按实际使用量计费。平日访问量不大的站点，月度费用可以控制在很低的水平；遇到活动或突发流量时，平台会自动扩容，不需要提前购买大量闲置资源。'),
      h2('需要注意的问题'),
      ul(
        '缓存策略需要精心设计，避免用户看到过期内容；',
        '涉及登录和个人数据的页面不宜在边缘节点缓存；',
        '选择服务商时应关注数据存储位置与合规要求；',
        '避免过度依赖某一家平台的专有功能，保留迁移能力。',
      ),
      q('技术门槛降低了，但架构设计的判断力依然重要。'),
      p('青禾网络目前托管的客户站点中，已有超过七成采用“静态页面加边缘缓存”的部署方式。运维团队表示，这类站点的故障工单数量比传统部署方式减少了约一半，夜间告警也明显变少了。'),
    ],
  },
  {
    title: 'Recap: Our First Accessibility Hack Day',
    excerpt: 'Twenty-six volunteers spent a Saturday testing real websites with screen readers and keyboards. Here is what they found.',
    section: 'events',
    tags: ['wuzhangai', 'jishu-shalong'],
    authors: ['emily-carter'],
    byline: 'Qinghe Web Newsroom',
    source: ORIGINAL,
    locale: 'en',
    publishedAt: '2026-08-10T18:00:00+08:00',
    views: 358,
    body: [
      p('On a rainy Saturday in August, twenty-six volunteers gathered at the Qinghe Web R&D centre for our first Accessibility Hack Day. The goal was simple: test a handful of real websites the way people with disabilities use them, and turn what we found into fixes.'),
      h2('How the day worked'),
      p('Participants worked in small teams, each paired with a volunteer who uses assistive technology every day. Teams picked one site — including the Gazette demo site and several client sites whose owners had agreed to take part — and tried to complete common tasks such as finding contact details or reading the latest news using only a keyboard or a screen reader.'),
      h2('What we found'),
      ul(
        'Missing or vague link text, such as several identical “read more” links on one page.',
        'Form fields without visible labels, relying only on placeholder text.',
        'Focus outlines removed by a global stylesheet rule.',
        'Images of text with no alternative description.',
      ),
      q('Watching someone else use your site with a screen reader changes how you think about every line of markup.'),
      p('By the end of the day, the teams had filed forty-one issues and submitted fixes for more than half of them. The Gazette team merged eight improvements the following week, including clearer labels on the article search form. We plan to make Hack Day a twice-yearly event.'),
    ],
  },
  {
    title: '新闻类网站的结构化数据配置指南',
    excerpt: '为新闻文章添加结构化数据，可以帮助搜索引擎准确理解标题、发布时间和作者等信息。本文以 Gazette 为例说明配置要点。',
    section: 'seo',
    tags: ['seo', 'neirong-guanli'],
    authors: ['chen-jingyi'],
    source: TECH_BLOG,
    locale: 'zh-CN',
    publishedAt: '2026-08-14T10:00:00+08:00',
    views: 2746,
    body: [
      p('结构化数据是一种用标准格式描述页面内容的方法。对于新闻类网站而言，它能帮助搜索引擎准确识别文章标题、发布时间、更新时间、作者和配图等信息，从而在搜索结果中更好地展示内容。'),
      h2('新闻文章需要哪些字段'),
      p('一篇新闻文章的结构化数据通常包括以下字段。字段并不是越多越好，准确和完整更加重要，其中前四项最为关键，建议所有新闻类站点都认真配置，并在每次模板调整后重新检查一遍：'),
      ol(
        '标题：与页面主标题保持一致，避免额外堆砌关键词；',
        '发布时间与更新时间：使用带时区的标准时间格式；',
        '作者：可以是个人，也可以是机构，应能对应到作者介绍页；',
        '配图：提供清晰度足够的图片地址；',
        '发布机构：包括站点名称与标志。',
      ),
      h2('常见错误'),
      p('在实际诊断中，我们最常见的问题是时间格式不规范，例如缺少时区信息，导致文章在搜索结果中显示的日期与实际不符。另一个常见问题是结构化数据与页面可见内容不一致，比如数据里写的作者在页面上根本找不到。'),
      q('结构化数据应当是页面内容的准确描述，而不是额外的宣传语。'),
      h2('在 Gazette 中的实现'),
      p('Gazette 会在渲染文章页时自动生成结构化数据，字段直接取自编辑填写的标题、署名和发布时间，不需要额外维护。对于只有机构署名、没有个人作者的稿件，系统会以站点名称作为作者，保证数据完整。'),
    ],
  },
  {
    title: '青禾网络联合多家合作伙伴发布《中小企业网站无障碍建设实践指南》并启动公益评测计划',
    excerpt: '青禾网络与多家合作伙伴共同编写的无障碍建设实践指南正式发布，同时启动面向中小企业的公益评测计划。',
    section: 'company',
    tags: ['wuzhangai', 'gongsi-dongtai', 'yonghu-tiyan'],
    authors: ['lin-xiaoyu'],
    byline: NEWSROOM,
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-08-20T09:00:00+08:00',
    views: 1923,
    body: [
      p('8月20日，青禾网络联合多家设计机构、高校实验室和公益组织，共同发布《中小企业网站无障碍建设实践指南》（以下简称《指南》），并同步启动面向中小企业的网站无障碍公益评测计划。'),
      h2('写给没有专职无障碍团队的企业'),
      p('《指南》编写组负责人介绍，市面上已有不少关于网页无障碍的技术标准，但对于没有专职团队的中小企业来说，这些文档篇幅长、术语多，很难直接落地。《指南》从企业网站最常见的页面类型出发，用清单和示例说明“应该怎么做”和“怎样检查”。'),
      ul(
        '第一部分：无障碍的基本概念与常见误解；',
        '第二部分：导航、表单、图片、视频等常见组件的改造要点；',
        '第三部分：不借助专业工具也能完成的自查方法；',
        '第四部分：在采购和验收中如何提出无障碍要求。',
      ),
      h2('公益评测计划'),
      p('公益评测计划将在未来一年内为一百家中小企业免费提供网站无障碍评测，评测由志愿者与青禾网络工程师共同完成，并邀请日常使用读屏软件的用户参与实际操作测试。每家企业将收到一份评测报告和优先级排序的改进建议。'),
      q('无障碍不是少数人的需求，每个人都可能在某个时刻需要它。'),
      p('《指南》全文可在青禾网络官网免费下载，内容将根据读者反馈每半年修订一次。有意参加公益评测的企业可通过服务热线或官网表单报名，编写组将按报名顺序和行业分布分批安排评测。'),
    ],
  },
  {
    title: '云溪实验中学校园网站无障碍改造纪实',
    excerpt: '一所中学的校园网站改造，让视障家长第一次能够独立查看学校通知，也让全校师生重新认识了“好用”的含义。',
    section: 'cases',
    tags: ['jiaoyu', 'wuzhangai'],
    authors: ['su-wenhao'],
    byline: '青禾网络 客户成功部',
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-08-26T15:30:00+08:00',
    views: 1456,
    body: [
      p('云溪实验中学（虚构学校）的校园网站承担着发布通知、展示校园活动和提供办事指南等功能。去年，学校收到一位视障家长的来信，反映自己使用读屏软件无法找到学期安排通知。这封信成为了网站改造的起点。'),
      h2('从一封来信开始'),
      p('项目组接手后，首先邀请这位家长和两名使用读屏软件的志愿者参与测试。结果发现，网站首页的通知栏是一张带文字的图片，导航菜单只能用鼠标展开，大量附件以扫描件形式上传，读屏软件完全无法识别。'),
      h2('改造的主要内容'),
      ol(
        '将图片形式的通知全部改为可选中的文本，并保留清晰的标题层级；',
        '重写导航菜单，支持键盘操作和读屏软件正确播报；',
        '为校园活动照片补充替代文本；',
        '附件优先提供可读文本版本，扫描件作为补充；',
        '调整配色对比度，并支持页面文字放大后不变形。',
      ),
      p('在改造过程中，项目组还为学校宣传组的老师们举办了两次培训，讲解如何在发布通知时写好标题、为图片添加说明、避免用图片代替文字。这些习惯的养成，比一次性的技术改造更加重要。'),
      q('那天我第一次自己把学期安排从头听到尾，不用再麻烦别人读给我听。'),
      p('改造完成后，学校对网站的使用情况做了回访，不少老年家长反映字体放大后阅读更方便了，学生们也觉得新的导航更清楚。校方表示，今后网站的每一次更新都将把无障碍检查纳入验收流程。'),
    ],
  },
  // ------------------------------------------------------------- September
  {
    title: '使用 Next.js 构建新闻站点：路由与缓存策略实践',
    excerpt: '新闻站点既要快，又要及时。本文分享 Gazette 在路由设计和缓存失效方面的一些取舍。',
    section: 'frontend',
    tags: ['nextjs', 'wangzhan-xingneng', 'typescript'],
    authors: ['zhou-mingzhe'],
    source: TECH_BLOG,
    locale: 'zh-CN',
    publishedAt: '2026-09-02T10:00:00+08:00',
    views: 4128,
    body: [
      p('新闻站点对前端架构有两个看似矛盾的要求：页面要尽可能快，最好直接从缓存返回；内容又要及时，编辑点击发布后读者应当马上看到。Gazette 前台基于 Next.js 构建，在这两者之间做了一些取舍，这里分享我们的思路。'),
      h2('路由设计：稳定优先'),
      p('文章地址采用“栏目加文章短标识”的形式，短标识在首次发布时生成，之后即使修改标题也不会改变。栏目调整时，旧地址会自动重定向到新地址。稳定的地址既有利于搜索引擎收录，也避免了读者收藏的链接失效。'),
      h2('缓存策略：按内容类型区分'),
      ul(
        '文章详情页：默认长期缓存，发布或修改时主动失效；',
        '栏目列表页与首页：缓存时间较短，并在有新文章发布时主动失效；',
        '搜索结果页：不缓存，直接查询；',
        '编辑后台：完全不缓存，并禁止搜索引擎收录。',
      ),
      p('关键在于“主动失效”。编辑发布文章时，系统会计算出受影响的页面，包括文章本身、所属栏目、上级栏目、首页以及相关标签页，并通知缓存层逐一刷新。这比简单地设置一个较短的过期时间更加及时，也更省资源。'),
      h2('类型安全的数据访问'),
      p('整个项目使用 TypeScript 严格模式开发。数据库查询结果、接口参数和页面属性都有明确的类型定义，栏目、标签等标识在编译阶段就能发现拼写错误。对于一个多人协作的开源项目，这种约束大大降低了沟通成本。'),
      q('缓存最难的不是加上去，而是在正确的时间把它清掉。'),
    ],
  },
  {
    title: 'Why Small Newsrooms Are Moving to Static-First Publishing',
    excerpt: 'Pre-rendered pages, smarter cache invalidation and cheaper hosting are changing how small publishers run their websites.',
    section: 'industry',
    tags: ['neirong-guanli', 'wangzhan-xingneng', 'yun-tuoguan'],
    authors: ['emily-carter', 'tomas-berg'],
    source: ORIGINAL,
    locale: 'en',
    publishedAt: '2026-09-08T08:30:00+08:00',
    views: 877,
    body: [
      p('For years, small newsrooms ran their websites on the same kind of stack: a single server rendering every page on every request. It worked, until a story went viral and the server fell over at exactly the moment the most readers were arriving.'),
      h2('What static-first means'),
      p('In a static-first setup, pages are rendered once and served from a cache or a content delivery network. When an editor publishes or updates a story, only the affected pages are regenerated. Readers almost always get a ready-made page, and the origin server only does work when content actually changes.'),
      h2('Why now'),
      ul(
        'Hosting platforms have made global caching and automatic invalidation affordable.',
        'Modern frameworks support mixing static and dynamic pages in one site.',
        'Open-source publishing tools increasingly ship with these patterns built in.',
      ),
      p('The trade-offs are real. Personalised pages, comment sections and paywalls still need dynamic rendering, and cache invalidation requires careful design. But for the bulk of a news site — articles, section fronts and author pages — static-first is hard to beat.'),
      q('The cheapest request is the one your server never has to handle.'),
      p('Among the publishers Qinghe Web has worked with this year, those that moved to a static-first approach reported lower hosting costs and, more importantly, far fewer outages during traffic spikes.'),
    ],
  },
  {
    title: '青禾网络走进云溪职业技术学院开展前端公开课',
    excerpt: '9月12日，青禾网络工程师走进云溪职业技术学院，为计算机专业学生带来一堂关于网页性能与无障碍的公开课。',
    section: 'events',
    tags: ['rencai-peiyang', 'jiaoyu', 'jishu-shalong'],
    authors: ['lin-xiaoyu'],
    byline: NEWSROOM,
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-09-15T16:40:00+08:00',
    views: 603,
    body: [
      p('9月12日下午，青禾网络三名工程师走进云溪职业技术学院，为计算机应用专业的一百二十余名学生带来了一堂主题为“写给真实用户的网页”的前端公开课。这是双方校企合作协议签订后开展的第一次进课堂活动。'),
      h2('从一个“慢”网页讲起'),
      p('课堂一开始，主讲工程师在投影上打开了一个故意没有做任何优化的示例页面，并模拟了普通手机网络环境。页面用了将近十秒才显示完整，台下同学纷纷笑了起来。随后，工程师一步步演示了压缩图片、延迟加载和减少脚本的效果，页面加载时间最终缩短到两秒以内。'),
      h2('动手体验读屏软件'),
      p('课程的第二部分，同学们两人一组，尝试闭上眼睛只用读屏软件浏览网页。许多同学第一次意识到，缺少标题层级和链接说明的页面几乎无法使用。一位同学说，平时写页面只关注好不好看，今天才知道还要关注“好不好听”。'),
      q('网页是给人用的，而使用它的人远比我们想象的多样。'),
      p('据介绍，青禾网络今年将在该校开设四次公开课，并为优秀学生提供寒暑期实习岗位。学院负责人表示，希望通过校企合作，让课堂内容更贴近行业实际，也让学生更早了解企业对工程质量的要求。'),
    ],
  },
  {
    title: '网站上线前安全检查清单',
    excerpt: '上线前的最后一周最容易忽视安全细节。这份清单来自我们多年的项目交付经验，适合大多数企业网站参考。',
    section: 'tech',
    tags: ['wangluo-anquan', 'yun-tuoguan'],
    authors: ['zhou-mingzhe'],
    source: TECH_BLOG,
    locale: 'zh-CN',
    publishedAt: '2026-09-21T14:10:00+08:00',
    views: 2894,
    body: [
      p('网站上线前的最后一周，团队的注意力通常集中在内容校对和页面细节上，安全问题很容易被挤到“上线后再说”。然而，许多安全事件恰恰发生在上线后的头几天。以下是青禾网络在项目交付中使用的安全检查清单节选。'),
      h2('检查清单节选'),
      h3('账号与权限'),
      ul(
        '删除或禁用所有测试账号与默认管理员账号；',
        '后台账号启用强密码策略，管理员开启二次验证；',
        '按岗位分配权限，编辑不应拥有系统设置权限；',
        '确认离职人员和外包人员的账号已回收。',
      ),
      h3('配置与部署'),
      ul(
        '全站启用加密传输，并设置自动跳转；',
        '关闭调试模式和详细错误信息输出；',
        '配置常用的安全响应头，限制页面被嵌入和脚本来源；',
        '密钥与数据库密码通过环境变量注入，不写入代码仓库。',
      ),
      h3('数据与备份'),
      p('确认数据库和上传文件已配置自动备份，并至少完成一次恢复演练。备份文件应与生产环境分开存放，并设置访问权限。很多团队有备份却从未验证过能否恢复，真正需要时才发现备份文件不完整。'),
      q('没有验证过的备份，只能算是一种心理安慰。'),
      p('清单并不能覆盖所有风险，但能帮助团队避开最常见的问题。建议每个项目在此基础上结合自身业务补充检查项，例如支付、会员等模块的专项检查，并在每次大版本更新前重新走一遍。'),
    ],
  },
  {
    title: '青禾网络发布 Gazette 2.0 开源版本',
    subtitle: '新增编辑审核流程、定时发布与多语言支持',
    excerpt: '9月28日，青禾网络正式发布开源新闻内容管理系统 Gazette 2.0，新版本重写了编辑后台，并新增审核流程、定时发布与多语言支持。',
    section: 'company',
    tags: ['kaiyuan', 'neirong-guanli', 'nextjs', 'typescript'],
    authors: ['zhou-mingzhe', 'lin-xiaoyu'],
    byline: NEWSROOM,
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-09-28T10:00:00+08:00',
    featured: true,
    views: 4876,
    body: [
      p('9月28日，青禾网络正式发布开源新闻内容管理系统 Gazette 2.0。这是该项目开源以来最大的一次版本更新，历时八个月开发，共有来自社区的三十余位贡献者参与。新版本继续采用宽松的开源许可协议，任何机构都可以免费使用和修改。'),
      h2('重写的编辑后台'),
      p('Gazette 2.0 对编辑后台进行了全面重写。新的编辑器以内容块为单位组织文章，支持段落、小标题、引用和列表等常用格式，所见即所得，同时保证输出结构清晰、便于检索。后台界面全面支持键盘操作和读屏软件，满足无障碍要求。'),
      h2('主要新功能'),
      ul(
        '编辑审核流程：稿件可在草稿、待审、已发布等状态之间流转，操作记录完整可查；',
        '定时发布：编辑可预设发布时间，到点自动上线；',
        '多作者署名与机构署名：支持多位作者按顺序署名，也可仅显示机构名称；',
        '多语言支持：同一站点可发布不同语言的文章，并自动生成对应的页面信息；',
        '转载声明模板：可在站点设置中统一配置文章末尾的转载说明。',
      ),
      h2('性能与部署'),
      p('前台基于 Next.js 构建，文章页默认预先生成并缓存，发布时自动刷新受影响的页面。在我们的测试环境中，文章页在普通移动网络下的首屏加载时间保持在一点五秒以内。系统可以部署在常见的云托管平台，也可以在单台服务器上运行。'),
      q('我们希望 Gazette 能让一个三五人的编辑部，也拥有稳定、专业的发布工具。'),
      p('项目维护者周明哲表示，2.0 版本的许多改进直接来自用户反馈，接下来团队将重点完善文档和迁移工具，帮助已有站点平滑升级。Gazette 2.0 的源代码、安装文档和演示站点均已在项目主页公开。'),
    ],
  },
  // --------------------------------------------------------------- October
  {
    title: 'Multilingual SEO: hreflang and Canonical URLs Explained',
    excerpt: 'Running Chinese and English editions on one site? Two small pieces of markup decide whether search engines show the right one to the right reader.',
    section: 'seo',
    tags: ['seo', 'nextjs'],
    authors: ['tomas-berg', 'chen-jingyi'],
    source: TECH_BLOG,
    locale: 'en',
    publishedAt: '2026-10-09T09:20:00+08:00',
    views: 1034,
    body: [
      p('When a site publishes the same kind of content in more than one language, search engines need help understanding how the versions relate to each other. Without that help, an English reader may land on a Chinese page, or the two editions may compete against each other in search results.'),
      h2('Canonical URLs: one address per page'),
      p('A canonical link tells search engines which address is the preferred one for a page. It matters whenever the same content can be reached through several URLs — with and without tracking parameters, for example. Every page should declare itself as canonical unless it is truly a duplicate of another page.'),
      h2('hreflang: connecting translations'),
      p('The hreflang annotation links a page to its equivalents in other languages. If an article exists in both Chinese and English, each version lists both, including itself. The relationship must be reciprocal: if the English page points to the Chinese one, the Chinese page must point back.'),
      ol(
        'Only link pages that are genuine translations or close adaptations.',
        'Use a consistent language code format across the whole site.',
        'Do not point hreflang at pages that redirect or are blocked from indexing.',
        'Keep the annotations in sync when an article is unpublished.',
      ),
      q('Most hreflang problems are not syntax errors — they are pages that forgot to point back.'),
      p('In Gazette, each article carries a locale, and linked translations are stored as a group. The Next.js front end renders the canonical link and all hreflang annotations from that data, so editors never have to touch the markup by hand.'),
    ],
  },
  {
    title: '为制造企业重构官网：询盘量增长背后的三项改变',
    subtitle: '恒润精密官网改版项目回顾',
    excerpt: '一家精密零部件制造企业的官网改版后，半年内来自搜索的询盘量增长近一倍。我们复盘了项目中最关键的三项改变。',
    section: 'cases',
    tags: ['zhizaoye', 'seo', 'wangzhan-xingneng'],
    authors: ['su-wenhao', 'chen-jingyi'],
    byline: '青禾网络 客户成功部',
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-10-15T10:30:00+08:00',
    featured: true,
    views: 3312,
    body: [
      p('恒润精密（本文客户名称为化名）是一家生产精密机械零部件的制造企业，产品主要面向设备制造商。过去几年，公司官网几乎只起到“电子名片”的作用：产品信息陈旧，页面加载缓慢，来自网站的询盘寥寥无几。今年初，企业决定对官网进行全面重构。'),
      h2('改变一：把产品目录变成可检索的资料库'),
      p('旧官网的产品信息以几份大型文档的形式提供下载，采购人员很难快速找到需要的型号。项目组与客户技术部门一起，把近六百个产品型号整理为结构化数据，按材质、尺寸、应用场景等维度分类，每个型号都有独立页面和参数表。'),
      h2('改变二：内容围绕客户的问题来写'),
      p('搜索优化顾问在分析了客户所在行业的常见搜索需求后发现，采购人员更常搜索的是具体的应用问题和选型方法，而不是企业名称。于是，项目组协助客户市场部建立了“选型指南”栏目，由工程师撰写实用文章，每月更新两到三篇。'),
      h2('改变三：让页面在工厂网络下也能快速打开'),
      p('不少客户的采购人员在车间或厂区使用手机查看资料，网络条件一般。新官网对图片和脚本进行了严格控制，产品页面在普通移动网络下两秒内即可打开，并针对参数表做了移动端适配。'),
      ul(
        '改版后六个月，来自搜索引擎的访问量增长约百分之一百四十；',
        '通过官网表单提交的询盘数量增长近一倍；',
        '产品页平均停留时长由四十秒提高到一分半钟。',
      ),
      q('以前网站是给老板看的，现在网站是给客户用的。'),
      p('客户市场部负责人表示，这次改版最大的收获是让官网真正成为销售团队的助手，业务员与客户沟通时可以直接发送产品页面链接。目前，企业正在准备上线英文版产品资料库，面向海外客户开放。'),
    ],
  },
  {
    title: '秋季技术沙龙回顾　聊聊网站性能那些事',
    excerpt: '10月下旬，青禾网络秋季技术沙龙以“网站性能”为主题，四位嘉宾从测量、图片、缓存和团队协作四个角度展开分享。',
    section: 'events',
    tags: ['jishu-shalong', 'wangzhan-xingneng', 'core-web-vitals'],
    authors: ['lin-xiaoyu'],
    byline: NEWSROOM,
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-10-23T19:00:00+08:00',
    views: 957,
    body: [
      p('10月下旬的一个周六下午，青禾网络秋季技术沙龙在云溪研发中心举行。本期沙龙以“网站性能”为主题，吸引了来自本地互联网公司、传统企业信息部门和高校的八十余名开发者到场，线上直播同时观看人数超过一千人。'),
      h2('先测量，再优化'),
      p('第一位分享嘉宾从性能测量讲起。他指出，许多团队的优化工作依赖开发者本机的测试结果，而真实用户的设备和网络条件要差得多。他建议团队尽早在生产环境收集真实用户的性能数据，再据此决定优化的优先级。'),
      h2('图片、缓存与第三方脚本'),
      p('随后两位嘉宾分别分享了图片处理和缓存设计方面的实践案例。其中一个案例引起了现场热烈讨论：某网站在删除了三个早已无人查看数据的第三方统计脚本后，首页交互响应速度提升了近四成。'),
      h2('性能是团队的事'),
      p('最后一位分享嘉宾是一名产品经理，她从协作的角度谈性能：设计稿中的一张全屏视频背景、运营要求加上的一个弹窗，都会影响页面速度。她建议在需求评审阶段就设定性能预算，让所有角色对页面“重量”有共同的认识。'),
      q('性能问题很少是某一个人造成的，所以也很少能靠某一个人解决。'),
      p('沙龙最后的自由交流环节持续了近一个小时，不少参会者带着自己网站的测试报告向嘉宾请教。主办方表示，冬季沙龙将以“内容管理与编辑体验”为主题，欢迎感兴趣的朋友关注官网通知报名参加。'),
    ],
  },
  {
    title: '从“能用”到“好用”：2026年企业网站建设的五个趋势',
    excerpt: '性能、无障碍、隐私、内容质量与可维护性，正在成为企业衡量网站建设质量的新标准。',
    section: 'industry',
    tags: ['wangzhan-xingneng', 'wuzhangai', 'yonghu-tiyan', 'seo'],
    authors: ['su-wenhao', 'chen-jingyi'],
    byline: NEWSROOM,
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-10-30T09:00:00+08:00',
    featured: true,
    views: 3985,
    body: [
      p('十年前，一家企业建网站的主要诉求是“有”；五年前，大家开始追求“好看”；如今，越来越多的企业开始关心网站是否“好用”。结合今年参与的上百个项目，青禾网络梳理了企业网站建设中值得关注的五个趋势。'),
      h2('趋势一：性能成为验收指标'),
      p('越来越多的企业在项目合同中明确写入性能要求，例如首屏加载时间、页面稳定性等具体指标，并要求在真实移动网络下测试。性能不再是开发者的“加分项”，而是和功能一样需要验收的交付内容。'),
      h2('趋势二：无障碍从口号走向实践'),
      p('随着社会对无障碍的关注不断提高，不少企业主动要求在改版中加入无障碍设计。实践表明，无障碍改造往往同时改善了所有用户的体验，例如更清晰的导航、更易读的文字和更友好的表单。'),
      h2('趋势三：隐私友好成为默认选项'),
      p('企业越来越谨慎地对待第三方脚本和数据收集，倾向于只保留必要的统计功能，并在隐私政策中清晰说明数据用途。一些企业在改版时主动删除了多年未使用的插件，既减少了隐私风险，也让页面更加轻快。'),
      h2('趋势四与趋势五'),
      ol(
        '内容质量重于数量：与其批量生产低质量页面，不如持续输出真正解决客户问题的专业内容，这同样是搜索优化的长期之道；',
        '可维护性受到重视：企业更关注上线之后的运营成本，倾向选择结构清晰、文档完善、社区活跃的技术方案。',
      ),
      q('一个好网站的标准，最终要由使用它的人来评判。'),
      p('这五个趋势看似各自独立，实际上指向同一个方向：网站建设正在从“交付一个产品”转向“提供一项持续的服务”。对于建站服务商而言，这意味着需要具备更全面的能力，也需要与客户建立更长期的合作关系。'),
    ],
  },
  // -------------------------------------------------------------- November
  {
    title: 'Measuring Core Web Vitals in Production',
    excerpt: 'Lab tests tell you what could happen; field data tells you what does happen. A practical guide to collecting real-user performance metrics.',
    section: 'frontend',
    tags: ['core-web-vitals', 'wangzhan-xingneng'],
    authors: ['tomas-berg'],
    source: TECH_BLOG,
    locale: 'en',
    publishedAt: '2026-11-05T13:45:00+08:00',
    views: 1218,
    body: [
      p('Running a performance audit on a developer laptop is useful, but it rarely matches what real readers experience. Their phones are slower, their networks are less reliable, and they visit pages we never thought to test. That is why we collect Core Web Vitals from real users on every Gazette site we host.'),
      h2('The three metrics that matter most'),
      ul(
        'Largest Contentful Paint: how long until the main content appears.',
        'Interaction to Next Paint: how quickly the page responds when someone taps or clicks.',
        'Cumulative Layout Shift: how much the page jumps around while loading.',
      ),
      h2('Collecting field data responsibly'),
      p('Browsers expose these metrics through standard performance APIs, and a small script can report them to your own endpoint. We send only the metric values, the page template and a coarse device category — no cookies, no user identifiers and no full URLs with query strings. That keeps the data useful for engineering while respecting readers’ privacy.'),
      h2('Reading the numbers'),
      p('Look at the 75th percentile rather than the average, and break results down by page template. In one newsroom we support, article pages were fast but section fronts were slow on mobile, because a carousel loaded every image up front. Averages would have hidden that completely.'),
      q('Optimise for the reader on a three-year-old phone, not for the one on your desk.'),
      p('Once field data is in place, set a budget for each template and check it in every release. Regressions are much easier to fix the week they appear than six months later.'),
    ],
  },
  {
    title: 'Qinghe Web Launches Managed Hosting Plan for Gazette Sites',
    excerpt: 'A new managed plan bundles hosting, updates, backups and monitoring for organisations that want to run Gazette without a dedicated operations team.',
    section: 'company',
    tags: ['yun-tuoguan', 'neirong-guanli', 'kaiyuan'],
    authors: ['emily-carter'],
    byline: 'Qinghe Web Newsroom',
    source: ORIGINAL,
    locale: 'en',
    publishedAt: '2026-11-10T10:00:00+08:00',
    views: 529,
    body: [
      p('Qinghe Web today announced a managed hosting plan for sites built on Gazette, the open-source newsroom CMS the company maintains. The plan is designed for schools, associations and small publishers that want a reliable news site but do not have their own operations staff.'),
      h2('What is included'),
      ul(
        'Hosting on a cloud platform with a global content delivery network.',
        'Security updates and Gazette version upgrades applied within a published time window.',
        'Daily backups with quarterly restore tests.',
        'Uptime and performance monitoring with monthly reports.',
      ),
      p('Gazette itself remains free and open source. Organisations can continue to host it themselves, and sites on the managed plan can export their full content and move elsewhere at any time.'),
      q('Open source should never mean locked in. The export button works the same on every plan.'),
      p('The plan is available to new and existing customers from December. Details can be requested through the contact page or the service hotline.'),
    ],
  },
  {
    title: 'Case Study: Moving a Manufacturer’s Product Catalogue to Gazette',
    excerpt: 'How a precision parts maker turned six hundred product sheets into a searchable bilingual catalogue without hiring a web team.',
    section: 'cases',
    tags: ['zhizaoye', 'neirong-guanli', 'kaiyuan'],
    authors: ['emily-carter', 'su-wenhao'],
    source: ORIGINAL,
    locale: 'en',
    publishedAt: '2026-11-14T11:00:00+08:00',
    views: 466,
    body: [
      p('Earlier this year we rebuilt the website of a precision parts manufacturer (name changed at the client’s request). This follow-up looks at the second phase of the project: moving the product catalogue into Gazette and publishing it in English for overseas buyers.'),
      h2('From documents to structured content'),
      p('The catalogue used to live in a handful of large downloadable files. We modelled each product as structured content — material, dimensions, tolerances and typical applications — and imported roughly six hundred records with a one-off script. Engineers now update a product by editing a form rather than re-exporting an entire document.'),
      h2('Publishing in two languages'),
      p('Because Gazette stores a locale on every item, the English catalogue sits alongside the Chinese one in the same system. Translators work from a queue of untranslated items, and each product page links to its counterpart in the other language.'),
      ol(
        'Import existing product data and review it with the engineering team.',
        'Publish the Chinese catalogue and redirect old download links.',
        'Translate high-demand products first, then the long tail.',
        'Collect feedback from overseas sales staff and refine terminology.',
      ),
      q('Our engineers can fix a specification in two minutes instead of waiting for the next catalogue print run.'),
      p('Three months after launch, about a third of catalogue visits come from the English edition, and overseas enquiries now arrive with specific part numbers — a small detail that the sales team says saves them hours every week.'),
    ],
  },
  {
    title: '青禾网络2026年度客户答谢会在云溪举行 百余位客户代表共话数字化',
    excerpt: '11月16日，青禾网络2026年度客户答谢会举行，百余位客户代表与公司团队一起回顾合作成果、交流数字化经验。',
    section: 'events',
    tags: ['gongsi-dongtai', 'yonghu-tiyan'],
    authors: [],
    byline: NEWSROOM,
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-11-18T20:30:00+08:00',
    views: 781,
    body: [
      p('11月16日，青禾网络2026年度客户答谢会在云溪市会展中心举行。来自制造、教育、零售、文化等行业的一百余位客户代表出席，与公司管理层和项目团队一起回顾一年来的合作成果，交流数字化建设中的经验与困惑。'),
      p('公司首席执行官何振宇在致辞中感谢客户一年来的信任。他表示，这一年公司最大的变化，是从“按项目交付”逐步转向“长期陪伴”，越来越多的客户选择与青禾网络保持持续的运营合作。'),
      h2('客户分享：网站之外的收获'),
      p('答谢会上，三位客户代表分别分享了合作故事。一家中学的信息中心老师讲述了校园网站无障碍改造的经历；一家零售企业的市场负责人介绍了官网与商城一体化后的工作变化；一家制造企业的负责人则分享了官网如何成为销售团队的得力助手。'),
      q('我们买的不只是一个网站，而是一个愿意和我们一起琢磨问题的团队。'),
      h2('年度服务改进计划'),
      ul(
        '推出托管站点月度运营报告，涵盖访问、性能与安全情况；',
        '扩充客户培训课程，新增内容写作与无障碍发布专题；',
        '服务热线延长至晚间八点，节假日提供值班支持。',
      ),
      p('答谢会在轻松的交流氛围中结束。不少客户表示，这样的活动让不同行业的同行有机会坐在一起交流经验，希望明年能有更多跨行业的主题分享和小范围座谈，青禾网络也将据此筹备下一年度的客户活动。'),
    ],
  },
  {
    title: '关于青禾网络官网全新改版上线的公告',
    excerpt: '青禾网络官网已完成全新改版并正式上线，新官网基于 Gazette 2.0 构建，栏目结构与访问地址有所调整。',
    section: 'news',
    tags: ['gongsi-dongtai', 'neirong-guanli', 'yonghu-tiyan'],
    authors: [],
    byline: NEWSROOM,
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-11-20T08:00:00+08:00',
    pinned: true,
    views: 2654,
    body: [
      p('尊敬的客户和朋友们：青禾网络官网已于2026年11月20日完成全新改版并正式上线。新官网基于公司开源的新闻内容管理系统 Gazette 2.0 构建，在栏目结构、页面性能和无障碍体验等方面均进行了全面升级。'),
      h2('主要变化'),
      ul(
        '栏目调整为“新闻信息”“行业动态”“技术文章”“客户案例”四大板块；',
        '新增英文版内容，可通过页面顶部切换语言；',
        '全站支持键盘操作与读屏软件访问，文字可放大阅读；',
        '新增站内搜索功能，可按栏目和标签筛选。',
      ),
      p('改版期间，技术团队对全站页面进行了性能与无障碍检查，文章页在普通移动网络下可在两秒内打开。新官网同时也是 Gazette 2.0 的实际使用案例，我们会把运营中发现的问题持续反馈到开源项目中。'),
      p('原官网的文章地址已设置自动跳转，您收藏的链接仍可正常访问。如发现页面显示异常或链接失效，欢迎通过服务热线或联系我们页面的邮箱反馈，我们将尽快处理。感谢大家一直以来对青禾网络的关注与支持！'),
    ],
  },
  // ----------------------------------------- not public: draft / in review
  {
    title: '网页无障碍正在从加分项变成必选项',
    excerpt: '越来越多的采购方把无障碍写进验收标准，建站服务商需要提前做好准备。',
    section: 'industry',
    tags: ['wuzhangai', 'yonghu-tiyan'],
    authors: ['su-wenhao'],
    byline: NEWSROOM,
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-11-24T10:00:00+08:00',
    status: 'draft',
    views: 30,
    body: [
      p('（草稿）过去一年，青禾网络参与投标的网站项目中，明确提出无障碍要求的比例明显上升。无论是学校、文化场馆还是普通企业，越来越多的采购方开始把“能否被所有人使用”作为衡量网站质量的标准之一。'),
      h2('采购方在关注什么'),
      p('从我们接触到的需求文档来看，采购方关注的重点主要集中在导航的键盘可操作性、图片替代文本、表单标签和文字对比度等基础项目上。这些要求并不高深，但需要在设计和开发阶段就纳入考虑，事后补救的成本往往高出数倍。'),
      ul(
        '待补充：近一年项目需求中无障碍条款的统计；',
        '待补充：两位客户的采访内容；',
        '待确认：引用的评测数据口径。',
      ),
      p('编辑备注：本文计划与《中小企业网站无障碍建设实践指南》后续解读配合发布，发布前请客户成功部核对案例信息，并确认文中引用的比例数据与年度项目统计口径一致。标题和导语待定稿后再做调整。'),
    ],
  },
  {
    title: '职业培训机构在线课程平台迁移案例',
    excerpt: '一家职业培训机构将分散在多个系统中的课程介绍与学员资讯迁移至统一的内容平台。',
    section: 'cases',
    tags: ['jiaoyu', 'neirong-guanli', 'shuju-yinsi'],
    authors: ['su-wenhao'],
    byline: '青禾网络 客户成功部',
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2026-11-26T15:00:00+08:00',
    status: 'draft',
    views: 32,
    body: [
      p('（草稿）启明职业培训学校（本文客户名称为化名）开设有设计、编程、会计等十余个方向的课程。过去，课程介绍、招生简章和学员资讯分散在官网、报名系统和多个公众号文章中，信息更新不同步，咨询人员经常需要向学员解释“以哪个为准”。'),
      h2('迁移的难点'),
      p('本次迁移最大的难点在于学员数据的处理。旧系统中保存了大量历史报名信息，其中不少已经超过了必要的保存期限。项目组与客户共同梳理了数据清单，只迁移仍在有效期内且确有需要的数据，其余数据在客户确认后按流程删除。'),
      h2('阶段性成果'),
      p('目前，课程介绍与招生信息已全部迁移至新平台，咨询人员可以通过统一的页面回答学员问题，不必再在多个系统之间核对信息。学员资讯栏目的迁移仍在进行中，预计下月底完成。'),
      p('编辑备注：等待客户确认可公开的数据和引语后再提交审核。文中涉及学员数据处理的部分，需请公司负责数据合规的同事复核表述，避免给读者造成误解。配图暂用示意图，正式发布前替换为客户提供的照片。'),
    ],
  },
  {
    title: 'TypeScript 严格模式迁移笔记',
    excerpt: '把一个运行多年的前端项目迁移到 TypeScript 严格模式，我们踩过的坑和总结的方法。',
    section: 'frontend',
    tags: ['typescript', 'nextjs'],
    authors: ['zhou-mingzhe'],
    source: TECH_BLOG,
    locale: 'zh-CN',
    publishedAt: '2026-11-28T09:30:00+08:00',
    status: 'in_review',
    views: 35,
    body: [
      p('Gazette 的早期版本并没有开启 TypeScript 严格模式。随着代码量增长，空值相关的线上问题逐渐增多，团队决定分阶段完成迁移。这篇笔记记录了整个过程中的方法与教训。'),
      h2('分阶段开启检查项'),
      p('一次性开启所有严格检查会产生数千条错误，团队很难消化。我们的做法是先开启空值检查，按目录逐步修复；再开启隐式类型检查；最后开启数组下标访问检查。每个阶段都设置了明确的完成标准，并在持续集成中防止新增错误。'),
      h2('几个常见问题'),
      ol(
        '数组和对象按下标取值时可能为空，需要显式处理；',
        '第三方库类型定义不完整，需要补充声明而不是随手使用任意类型；',
        '路由参数和表单数据来自外部输入，应当先校验再使用。',
      ),
      q('严格模式报出的每一个错误，都是一次提前发生的线上问题。'),
      p('迁移完成后的三个月里，与空值相关的线上问题几乎归零。更重要的是，新加入的贡献者可以依靠类型提示快速理解代码结构，评审时也不必再反复追问“这个值在这里会不会是空的”。'),
    ],
  },
  // ------------------------------------------------ not public: scheduled
  {
    title: '青禾网络2027届校园招聘正式启动',
    excerpt: '青禾网络2027届校园招聘正式启动，开放前端开发、后端开发、测试与交互设计等岗位。',
    section: 'company',
    tags: ['rencai-peiyang', 'gongsi-dongtai'],
    authors: ['lin-xiaoyu'],
    byline: NEWSROOM,
    source: ORIGINAL,
    locale: 'zh-CN',
    publishedAt: '2027-01-12T09:00:00+08:00',
    status: 'scheduled',
    views: 30,
    body: [
      p('青禾网络2027届校园招聘正式启动。本次招聘面向2027年毕业的本科及专科学生，开放前端开发、后端开发、软件测试、交互设计和客户成功等岗位，工作地点为云溪研发中心。'),
      h2('招聘岗位'),
      ul(
        '前端开发工程师：熟悉网页基础技术，对性能与无障碍有兴趣者优先；',
        '后端开发工程师：熟悉至少一门服务端语言及常用数据库；',
        '软件测试工程师：细心、有耐心，愿意深入理解业务；',
        '交互设计师：关注用户体验，具备基本的原型设计能力；',
        '客户成功专员：善于沟通，乐于帮助客户解决问题。',
      ),
      h2('培养计划'),
      p('入职后，新同事将参加为期三个月的“青苗计划”，由资深工程师担任导师，通过真实项目学习工程规范与协作流程。表现优秀者还将有机会参与 Gazette 开源项目的核心开发工作。'),
      p('有意者可将简历发送至招聘邮箱 campus@example.com，邮件标题请注明“姓名 + 学校 + 应聘岗位”。简历筛选后，我们将安排线上笔试、技术面试和综合面试，全部流程预计在三周内完成，结果将通过邮件通知。'),
    ],
  },
  {
    title: '站点地图与抓取预算：大型内容站点的索引优化',
    excerpt: '页面数量上万之后，“写了没人看到”成为新的问题。本文介绍大型站点如何通过站点地图和内部链接提升收录效率。',
    section: 'seo',
    tags: ['seo', 'wangzhan-xingneng'],
    authors: ['chen-jingyi'],
    source: TECH_BLOG,
    locale: 'zh-CN',
    publishedAt: '2027-02-03T10:00:00+08:00',
    status: 'scheduled',
    views: 31,
    body: [
      p('对于只有几十个页面的企业官网，搜索引擎通常能很快发现并收录所有内容。但当一个资讯站点积累了数万篇文章之后，新发布的内容可能需要很久才被收录，部分旧页面甚至从未被访问过。这背后涉及一个常被讨论的概念：抓取预算。'),
      h2('什么是抓取预算'),
      p('简单来说，搜索引擎在一段时间内愿意并且能够抓取某个站点的页面数量是有限的。如果大量抓取资源被浪费在重复页面、无效参数页面或者低价值页面上，真正重要的新内容就可能被延后处理。'),
      h2('优化方法'),
      ol(
        '按内容类型和时间拆分站点地图，并准确标注最后修改时间；',
        '为筛选、排序等参数页面设置规范地址，避免重复抓取；',
        '及时处理失效链接，减少无效请求；',
        '提升服务器响应速度，让同样的时间内可以抓取更多页面；',
        '通过栏目页、标签页和相关文章建立清晰的内部链接。',
      ),
      q('让搜索引擎少走弯路，就是让读者更快找到你的内容。'),
      p('Gazette 会按月份自动拆分文章站点地图，并在文章更新时同步修改时间。对于已下线的文章，系统会返回明确的状态码，而不是简单跳转到首页，避免搜索引擎把大量无关页面误判为重复内容。'),
    ],
  },
];
