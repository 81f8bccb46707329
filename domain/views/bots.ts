/**
 * Crawlers, link previewers, monitors, HTTP libraries and headless browsers: their hits are not views.
 * A missing user agent counts as a bot too (every browser sends one).
 */
const BOT_PATTERNS = [
  '(?<!cu)bot\\b', 'bot/', 'bot-', 'crawl', 'spider', 'slurp', 'scrap', 'archiver', 'indexer', 'fetcher',
  // search engines (Baidu, Sogou, 360, Shenma, Toutiao and Yandex crawlers all say "spider" or "bot"; their
  // browsers and apps, e.g. baiduboxapp or YaBrowser, are readers)
  'google-inspectiontool', 'apis-google', 'mediapartners-google', 'adsbot', 'bingpreview', 'feedfetcher',
  // social and chat link previews
  'facebookexternalhit', 'facebookcatalog', 'whatsapp/', 'skypeuripreview', 'embedly', 'quora link preview',
  'vkshare', 'w3c_validator',
  // SEO tools and monitors
  'ahrefs', 'semrush', 'screaming frog', 'pingdom', 'uptime', 'statuscake', 'site24x7', 'newrelicpinger',
  'datadog', 'monitor', 'lighthouse', 'pagespeed', 'gtmetrix',
  // headless and automation
  'headlesschrome', 'phantomjs', 'puppeteer', 'playwright', 'selenium', 'prerender', 'rendertron',
  // HTTP libraries and command-line clients
  'curl/', 'wget/', 'httpie', 'python-requests', 'python-urllib', 'aiohttp', 'httpx', 'go-http-client', 'okhttp',
  'java/', 'apache-httpclient', 'libwww', 'lwp::', 'axios/', 'node-fetch', 'undici', '^node$', 'got \\(',
  'ruby', 'php/', 'guzzlehttp', 'scrapy', '^wrk', 'autocannon', 'k6/', 'jmeter', 'apachebench', 'postman',
  'insomnia',
  // feed readers, validators and scanners
  'feedly', 'feedburner', '\\brss', 'validator', 'check_http', 'nagios', 'zgrab', 'masscan', 'nmap',
];

export const BOT_RE = new RegExp(BOT_PATTERNS.join('|'), 'i');

export function isBot(userAgent: string | null | undefined): boolean {
  const ua = userAgent?.trim();
  if (!ua || ua.length < 10) return true;
  return BOT_RE.test(ua);
}
