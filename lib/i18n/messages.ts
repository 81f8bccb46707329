export type Locale = 'zh-CN' | 'en';

const zh = {
  home: '首页',
  youAreHere: '当前位置',
  body: '正文',
  publishedAt: '发布时间',
  publisher: '发布者',
  views: '浏览次数',
  source: '来源',
  tags: '标签',
  previous: '上一篇',
  next: '下一篇',
  none: '没有了',
  related: '相关文章',
  latest: '最新文章',
  mostRead: '热门文章',
  rssFeed: 'RSS 订阅',
  mostReadToday: '今日',
  mostRead7d: '7 日',
  mostRead30d: '30 日',
  mostReadAllTime: '累计',
  noViewsYet: '暂无数据',
  leadStory: '头条',
  more: '更多',
  pageOf: '第 {page} 页，共 {total} 页',
  prevPage: '上一页',
  nextPage: '下一页',
  pagination: '分页',
  breadcrumb: '面包屑导航',
  mainNav: '主导航',
  skipToContent: '跳到正文',
  tagArchive: '标签：{name}',
  authorArchive: '作者：{name}',
  articlesCount: '共 {count} 篇文章',
  noArticles: '暂无文章。',
  notFoundTitle: '页面未找到',
  notFoundText: '您访问的页面不存在或已被移除。',
  backHome: '返回首页',
  errorTitle: '出错了',
  errorText: '服务暂时不可用，请稍后再试。',
  retry: '重试',
  subsections: '子栏目',
  reprint: '转载请标注',
  updatedAt: '更新时间',
  by: '作者',
  colon: '：',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  home: 'Home',
  youAreHere: 'You are here',
  body: 'Article',
  publishedAt: 'Published',
  publisher: 'By',
  views: 'Views',
  source: 'Source',
  tags: 'Tags',
  previous: 'Previous',
  next: 'Next',
  none: 'None',
  related: 'Related articles',
  latest: 'Latest',
  mostRead: 'Most read',
  rssFeed: 'RSS feed',
  mostReadToday: 'Today',
  mostRead7d: '7 days',
  mostRead30d: '30 days',
  mostReadAllTime: 'All time',
  noViewsYet: 'No data yet',
  leadStory: 'Lead story',
  more: 'More',
  pageOf: 'Page {page} of {total}',
  prevPage: 'Previous page',
  nextPage: 'Next page',
  pagination: 'Pagination',
  breadcrumb: 'Breadcrumb',
  mainNav: 'Main navigation',
  skipToContent: 'Skip to content',
  tagArchive: 'Tag: {name}',
  authorArchive: 'Author: {name}',
  articlesCount: '{count} articles',
  noArticles: 'No articles yet.',
  notFoundTitle: 'Page not found',
  notFoundText: 'The page you asked for does not exist or has been removed.',
  backHome: 'Back to the home page',
  errorTitle: 'Something went wrong',
  errorText: 'The service is temporarily unavailable. Please try again shortly.',
  retry: 'Try again',
  subsections: 'Subsections',
  reprint: 'Reprint notice',
  updatedAt: 'Updated',
  by: 'By',
  colon: ': ',
};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en };

export function t(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = dictionaries[locale][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translator(locale: Locale) {
  return (key: MessageKey, vars?: Record<string, string | number>) => t(locale, key, vars);
}
