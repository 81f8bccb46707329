import type { Locale } from './messages';
import { fill, type TemplateParams } from './template';

/**
 * Every message the server answers with (DAL refusals, validation, defineAction's own), keyed by
 * a code. The server throws codes and parameters; the English text is what logs, the JSON API and
 * `error.message` show, and the screens translate the code with `translateMessage`.
 */
const en = {
  /** A message given as text (media uploads, the article DAL): shown as it came, in every language. */
  text: '{text}',
  // defineAction, lib/errors.ts, lib/auth/session.ts: shared by every screen.
  fieldsNeedAttention: 'Some fields need attention.',
  noPermission: 'You do not have permission to do this.',
  pleaseSignIn: 'Please sign in.',
  somethingWrong: 'Something went wrong. Nothing was saved.',
  databaseDown: 'The database is not answering. Nothing was saved; try again in a moment.',
  duplicate: 'This conflicts with an existing item (a name or slug is already taken).',
  transientConflict: 'Someone else was changing the same items at this moment. Nothing was saved; try again.',
  notFoundItem: 'This item does not exist or was deleted.',
  notFoundArticle: 'This article does not exist or was deleted.',
  notFoundPreviewLink: 'This preview link does not exist or was deleted.',
  notFoundSection: 'This section does not exist or was deleted.',
  notFoundPage: 'This page does not exist or was deleted.',
  notFoundImage: 'This image does not exist or was deleted.',
  notFoundUser: 'This user does not exist or was deleted.',
  notFoundAccount: 'This account does not exist or was deleted.',
  notFoundTag: 'This tag does not exist or was deleted.',
  // The article list's bulk actions.
  chooseBulkAction: 'Choose a bulk action.',
  selectArticles: 'Select at least one article.',
  // Preview share links.
  previewLinkRevoked: 'This preview link was already revoked.',
  previewLinkExpired: 'This preview link has already expired.',
  // Fields (lib/validation).
  required: 'Required.',
  atMost: 'At most {max} characters.',
  emailInvalid: 'Enter a valid email address.',
  passwordTooShort: 'Use at least {min} characters.',
  passwordTooLong: 'Use at most {max} characters.',
  currentPasswordRequired: 'Enter your current password.',
  wholeNumber: 'Use a whole number.',
  titleRequired: 'The title is required.',
  nameRequired: 'The name is required.',
  yourNameRequired: 'Your name is required.',
  tooManyTags: 'At most {max} tags.',
  imagesNeedAlt: 'Every image needs alt text ({missing} missing).',
  linkInvalid: 'Use an http(s) address or a path on this site.',
  dateInvalid: 'Not a valid date and time.',
  // Addresses.
  slugNeedsLetters: 'The slug needs letters or digits.',
  slugReserved: 'The address /{slug} is used by the site itself.',
  slugUsedBySection: 'The section “{title}” already uses the address /{slug}.',
  slugUsedByPage: 'The page “{title}” already uses the address /{slug}.',
  // Sections.
  parentMissing: 'The parent section does not exist.',
  parentCycle: 'A section cannot be placed inside itself or one of its subsections.',
  tooDeep: 'Sections can be nested at most {max} levels deep.',
  sectionNotEmpty: 'This section still has {articles} article(s) (trash included) and {children} subsection(s). Move them elsewhere first.',
  // Tags.
  tagNameTaken: 'A tag named “{name}” already exists.',
  tagSlugTaken: 'The tag “{name}” already uses the slug {slug}.',
  mergeSame: 'Choose two different tags.',
  // Pages.
  pageStale: 'Someone else saved this page after you opened it. Reload to see their version, then edit again.',
  // Media.
  imageInUse: 'This image is still used in {count} place(s): {titles}. Remove it there first.',
  // Users.
  emailTaken: 'An account with this email already exists.',
  alreadyInUse: 'Already in use.',
  ownerProtected: 'The owner account cannot be demoted or disabled.',
  ownerPasswordProtected: 'Only the owner can change the owner’s password.',
  lastAdmin: 'This would leave the site without an active administrator.',
  wrongCurrentPassword: 'The current password is not correct.',
  tooManyAttempts: 'Too many wrong passwords. Try again in 15 minutes.',
  reauthRequired: 'To reset an administrator’s password, enter your own current password.',
  // Settings.
  siteNameRequired: 'The site name is required.',
  timeZoneInvalid: 'Not a known time zone; use a name such as Asia/Shanghai.',
  templatePlaceholders: 'The template must contain {site} and {title}.',
  hrefInvalid: 'Use an http(s) address or a path on this site starting with /.',
  navLabelRequired: 'Menu row {row} needs a label.',
  navLabelTooLong: 'Menu row {row}: the label is longer than {max} characters.',
  navHrefInvalid: 'Menu row {row}: use a path starting with / or an http(s) address.',
  navTooMany: 'At most {max} menu items.',
  settingsStale: 'Someone else changed the settings after you opened them. Reload, then save again.',
} as const;

export type MessageCode = keyof typeof en;

const zh = {
  text: '{text}',
  fieldsNeedAttention: '有些内容需要修改。',
  noPermission: '你没有执行此操作的权限。',
  pleaseSignIn: '请先登录。',
  somethingWrong: '出错了，未保存任何内容。',
  databaseDown: '数据库暂时无法连接，未保存任何内容，请稍后重试。',
  duplicate: '与已有内容冲突（名称或地址已被占用）。',
  transientConflict: '其他人此刻正在修改相同的内容，未保存任何内容，请重试。',
  notFoundItem: '该内容不存在或已被删除。',
  notFoundArticle: '该内容不存在或已被删除。',
  notFoundPreviewLink: '该内容不存在或已被删除。',
  notFoundSection: '该内容不存在或已被删除。',
  notFoundPage: '该内容不存在或已被删除。',
  notFoundImage: '该内容不存在或已被删除。',
  notFoundUser: '该内容不存在或已被删除。',
  notFoundAccount: '该内容不存在或已被删除。',
  notFoundTag: '该内容不存在或已被删除。',
  chooseBulkAction: '请选择一个批量操作。',
  selectArticles: '请至少选择一篇文章。',
  previewLinkRevoked: '该预览链接已被撤销。',
  previewLinkExpired: '该预览链接已过期。',
  required: '必填。',
  atMost: '最多 {max} 个字符。',
  emailInvalid: '请输入有效的邮箱地址。',
  passwordTooShort: '至少 {min} 个字符。',
  passwordTooLong: '最多 {max} 个字符。',
  currentPasswordRequired: '请输入当前密码。',
  wholeNumber: '请输入整数。',
  titleRequired: '标题不能为空。',
  nameRequired: '名称不能为空。',
  yourNameRequired: '请填写你的姓名。',
  tooManyTags: '最多 {max} 个标签。',
  imagesNeedAlt: '每张图片都需要替代文字（缺少 {missing} 处）。',
  linkInvalid: '请填写 http(s) 地址或站内路径。',
  dateInvalid: '日期和时间无效。',
  slugNeedsLetters: '地址需要包含字母或数字。',
  slugReserved: '地址 /{slug} 已被网站系统占用。',
  slugUsedBySection: '栏目“{title}”已在使用地址 /{slug}。',
  slugUsedByPage: '单页“{title}”已在使用地址 /{slug}。',
  parentMissing: '上级栏目不存在。',
  parentCycle: '栏目不能放在自身或其下级栏目之下。',
  tooDeep: '栏目最多嵌套 {max} 层。',
  sectionNotEmpty: '该栏目下还有 {articles} 篇文章（含回收站）和 {children} 个子栏目，请先移走。',
  tagNameTaken: '已有名为“{name}”的标签。',
  tagSlugTaken: '标签“{name}”已在使用地址 {slug}。',
  mergeSame: '请选择两个不同的标签。',
  pageStale: '在你打开之后，有人保存了这个单页。请刷新查看对方的版本后再编辑。',
  imageInUse: '该图片仍在 {count} 处使用：{titles}。请先在那里移除。',
  emailTaken: '该邮箱已有账号。',
  alreadyInUse: '已被占用。',
  ownerProtected: '站点所有者账号不能降级或停用。',
  ownerPasswordProtected: '只有站点所有者本人可以修改其密码。',
  lastAdmin: '此操作会导致网站没有可用的管理员。',
  wrongCurrentPassword: '当前密码不正确。',
  tooManyAttempts: '密码错误次数过多，请 15 分钟后再试。',
  reauthRequired: '重置管理员的密码前，请输入你自己的当前密码。',
  siteNameRequired: '网站名称不能为空。',
  timeZoneInvalid: '无法识别的时区，请使用 Asia/Shanghai 这样的名称。',
  templatePlaceholders: '模板必须包含 {site} 和 {title}。',
  hrefInvalid: '请使用 http(s) 地址或以 / 开头的站内路径。',
  navLabelRequired: '菜单第 {row} 项缺少名称。',
  navLabelTooLong: '菜单第 {row} 项：名称超过 {max} 个字符。',
  navHrefInvalid: '菜单第 {row} 项：请使用以 / 开头的路径或 http(s) 地址。',
  navTooMany: '菜单最多 {max} 项。',
  settingsStale: '在你打开之后，有人修改了站点设置。请刷新后再保存。',
} as const satisfies Record<MessageCode, string>;

/** The `{name}` placeholders of a template, as a union of names. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The codes whose two texts do not take the same parameters: none, or this file does not compile. */
type ParameterMismatch = { [C in MessageCode]: SameSet<Placeholders<(typeof en)[C]>, Placeholders<(typeof zh)[C]>> extends true ? never : C }[MessageCode];
const everyTranslationTakesTheSameParameters: [ParameterMismatch] extends [never] ? true : ParameterMismatch = true;
void everyTranslationTakesTheSameParameters;

export const SERVER_MESSAGES: Record<Locale, Record<MessageCode, string>> = { en, 'zh-CN': zh };

/** A message as the server sends it: a code and the values of its placeholders. */
export interface Message {
  code: MessageCode;
  params?: TemplateParams;
}

export function isMessageCode(value: string): value is MessageCode {
  return Object.hasOwn(en, value);
}

/** A message that exists only as English text: every language shows it as it is. */
export const textMessage = (text: string): Message => ({ code: 'text', params: { text } });

/** The one translator of server messages, for every language. */
export function translateMessage(locale: Locale, message: Message): string {
  return fill(SERVER_MESSAGES[locale][message.code], message.params);
}

/** The English text: `error.message`, logs and the JSON API. */
export const englishMessage = (message: Message) => translateMessage('en', message);

/** A refusal (an `ActionFailure` or `ActionError`) as a form shows it: the message and each field's, in one language. */
export function translateRefusal(locale: Locale, refusal: { reason: Message; fieldMessages?: Record<string, Message[]> }): { error: string; fieldErrors: Record<string, string[]> } {
  const translate = (message: Message) => translateMessage(locale, message);
  return {
    error: translate(refusal.reason),
    fieldErrors: Object.fromEntries(Object.entries(refusal.fieldMessages ?? {}).map(([field, messages]) => [field, messages.map(translate)])),
  };
}
