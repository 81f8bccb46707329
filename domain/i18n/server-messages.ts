import type { Locale } from './messages';
import { fill, type TemplateParams } from './template';

/**
 * Every message the server answers with (DAL refusals, validation, defineAction's own), keyed by
 * a code, both languages on one line so a new code cannot get only one of them. The server throws
 * codes and parameters; the English text is what logs, the JSON API and `error.message` show, and
 * the screens translate the code with `translateMessage`.
 */
export const SERVER_MESSAGES = {
  /** A message given as text (media uploads, the article DAL): shown as it came, in every language. */
  text: { en: '{text}', 'zh-CN': '{text}' },
  // defineAction, domain/errors.ts, services/auth/session.ts: shared by every screen.
  fieldsNeedAttention: { en: 'Some fields need attention.', 'zh-CN': '有些内容需要修改。' },
  noPermission: { en: 'You do not have permission to do this.', 'zh-CN': '你没有执行此操作的权限。' },
  pleaseSignIn: { en: 'Please sign in.', 'zh-CN': '请先登录。' },
  somethingWrong: { en: 'Something went wrong. Nothing was saved.', 'zh-CN': '出错了，未保存任何内容。' },
  databaseDown: { en: 'The database is not answering. Nothing was saved; try again in a moment.', 'zh-CN': '数据库暂时无法连接，未保存任何内容，请稍后重试。' },
  duplicate: { en: 'This conflicts with an existing item (a name or slug is already taken).', 'zh-CN': '与已有内容冲突（名称或地址已被占用）。' },
  transientConflict: { en: 'Someone else was changing the same items at this moment. Nothing was saved; try again.', 'zh-CN': '其他人此刻正在修改相同的内容，未保存任何内容，请重试。' },
  notFoundItem: { en: 'This item does not exist or was deleted.', 'zh-CN': '该内容不存在或已被删除。' },
  notFoundArticle: { en: 'This article does not exist or was deleted.', 'zh-CN': '该内容不存在或已被删除。' },
  notFoundPreviewLink: { en: 'This preview link does not exist or was deleted.', 'zh-CN': '该内容不存在或已被删除。' },
  notFoundSection: { en: 'This section does not exist or was deleted.', 'zh-CN': '该内容不存在或已被删除。' },
  notFoundPage: { en: 'This page does not exist or was deleted.', 'zh-CN': '该内容不存在或已被删除。' },
  notFoundImage: { en: 'This image does not exist or was deleted.', 'zh-CN': '该内容不存在或已被删除。' },
  notFoundUser: { en: 'This user does not exist or was deleted.', 'zh-CN': '该内容不存在或已被删除。' },
  notFoundAccount: { en: 'This account does not exist or was deleted.', 'zh-CN': '该内容不存在或已被删除。' },
  notFoundTag: { en: 'This tag does not exist or was deleted.', 'zh-CN': '该内容不存在或已被删除。' },
  // The article list's bulk actions.
  chooseBulkAction: { en: 'Choose a bulk action.', 'zh-CN': '请选择一个批量操作。' },
  selectArticles: { en: 'Select at least one article.', 'zh-CN': '请至少选择一篇文章。' },
  // Preview share links.
  previewLinkRevoked: { en: 'This preview link was already revoked.', 'zh-CN': '该预览链接已被撤销。' },
  previewLinkExpired: { en: 'This preview link has already expired.', 'zh-CN': '该预览链接已过期。' },
  // Fields (domain/validation).
  required: { en: 'Required.', 'zh-CN': '必填。' },
  atMost: { en: 'At most {max} characters.', 'zh-CN': '最多 {max} 个字符。' },
  emailInvalid: { en: 'Enter a valid email address.', 'zh-CN': '请输入有效的邮箱地址。' },
  passwordTooShort: { en: 'Use at least {min} characters.', 'zh-CN': '至少 {min} 个字符。' },
  passwordTooLong: { en: 'Use at most {max} characters.', 'zh-CN': '最多 {max} 个字符。' },
  currentPasswordRequired: { en: 'Enter your current password.', 'zh-CN': '请输入当前密码。' },
  wholeNumber: { en: 'Use a whole number.', 'zh-CN': '请输入整数。' },
  titleRequired: { en: 'The title is required.', 'zh-CN': '标题不能为空。' },
  nameRequired: { en: 'The name is required.', 'zh-CN': '名称不能为空。' },
  yourNameRequired: { en: 'Your name is required.', 'zh-CN': '请填写你的姓名。' },
  tooManyTags: { en: 'At most {max} tags.', 'zh-CN': '最多 {max} 个标签。' },
  imagesNeedAlt: { en: 'Every image needs alt text ({missing} missing).', 'zh-CN': '每张图片都需要替代文字（缺少 {missing} 处）。' },
  // The publish checklist (domain/publishing/checklist.ts): what fails, as the server refuses it.
  publishChecklistFailed: { en: 'Before this story can go out, {count} item(s) need fixing.', 'zh-CN': '发布前还有 {count} 项需要处理。' },
  checkSection: { en: 'Choose a section.', 'zh-CN': '请选择栏目。' },
  checkCoverAlt: { en: 'The cover image needs alt text.', 'zh-CN': '封面图需要替代文字。' },
  checkLinks: { en: '{count} link(s) have no address or no text.', 'zh-CN': '有 {count} 个链接缺少地址或文字。' },
  sensitiveWordTooLong: { en: 'A word may have at most {max} characters: {words}.', 'zh-CN': '每个词最多 {max} 个字：{words}。' },
  sensitiveWordsTooMany: { en: 'At most {max} words ({count} given).', 'zh-CN': '最多 {max} 个词（现有 {count} 个）。' },
  checkSensitiveWords: { en: 'It contains {count} word(s) on the site’s sensitive list: {words}.', 'zh-CN': '含有 {count} 个敏感词：{words}。' },
  checkDescriptionLength: { en: 'The description is {length} characters; search results show about {max}.', 'zh-CN': '摘要有 {length} 个字符，搜索结果约显示 {max} 个。' },
  sectionMissing: { en: 'Choose an existing section.', 'zh-CN': '请选择一个现有栏目。' },
  scheduleInFuture: { en: 'Choose a publish time in the future.', 'zh-CN': '请选择一个将来的发布时间。' },
  linkInvalid: { en: 'Use an http(s) address or a path on this site.', 'zh-CN': '请填写 http(s) 地址或站内路径。' },
  dateInvalid: { en: 'Not a valid date and time.', 'zh-CN': '日期和时间无效。' },
  // Addresses.
  slugNeedsLetters: { en: 'The slug needs letters or digits.', 'zh-CN': '地址需要包含字母或数字。' },
  slugReserved: { en: 'The address /{slug} is used by the site itself.', 'zh-CN': '地址 /{slug} 已被网站系统占用。' },
  slugUsedBySection: { en: 'The section “{title}” already uses the address /{slug}.', 'zh-CN': '栏目“{title}”已在使用地址 /{slug}。' },
  slugUsedByPage: { en: 'The page “{title}” already uses the address /{slug}.', 'zh-CN': '单页“{title}”已在使用地址 /{slug}。' },
  // Sections.
  parentMissing: { en: 'The parent section does not exist.', 'zh-CN': '上级栏目不存在。' },
  parentCycle: { en: 'A section cannot be placed inside itself or one of its subsections.', 'zh-CN': '栏目不能放在自身或其下级栏目之下。' },
  tooDeep: { en: 'Sections can be nested at most {max} levels deep.', 'zh-CN': '栏目最多嵌套 {max} 层。' },
  sectionNotEmpty: { en: 'This section still has {articles} article(s) (trash included) and {children} subsection(s). Move them elsewhere first.', 'zh-CN': '该栏目下还有 {articles} 篇文章（含回收站）和 {children} 个子栏目，请先移走。' },
  // Tags.
  tagNameTaken: { en: 'A tag named “{name}” already exists.', 'zh-CN': '已有名为“{name}”的标签。' },
  tagSlugTaken: { en: 'The tag “{name}” already uses the slug {slug}.', 'zh-CN': '标签“{name}”已在使用地址 {slug}。' },
  mergeSame: { en: 'Choose two different tags.', 'zh-CN': '请选择两个不同的标签。' },
  // The breaking-news banner.
  breakingHoursInvalid: { en: 'Choose how long the banner stays up.', 'zh-CN': '请选择横幅显示多久。' },
  pinnedUntilPast: { en: 'Choose a time in the future for the pin to end, or leave it empty.', 'zh-CN': '置顶截止时间须晚于现在，或留空。' },
  // The article DAL (db/queries/admin/article-*.ts).
  tagUnknown: { en: 'The tag "{name}" does not exist, and your role cannot create tags.', 'zh-CN': '标签“{name}”不存在，你的角色不能新建标签。' },
  tagUnknownField: { en: 'Unknown tag: {name}', 'zh-CN': '没有这个标签：{name}' },
  authorUnknown: { en: 'An author does not exist.', 'zh-CN': '所选作者中有人不存在。' },
  authorUnknownField: { en: 'Choose existing staff members.', 'zh-CN': '请从现有同事中选择。' },
  slugNeedsLettersField: { en: 'Use letters, digits and hyphens.', 'zh-CN': '请使用字母、数字和连字符。' },
  articleSlugTaken: { en: 'Another article already uses this slug.', 'zh-CN': '另一篇文章已在使用这个网址别名。' },
  coverNotInLibrary: { en: 'The cover image does not exist in the media library.', 'zh-CN': '媒体库中没有这张封面图。' },
  coverNotInLibraryField: { en: 'Choose an image from the library.', 'zh-CN': '请从媒体库中选择图片。' },
  savedByOthers: { en: 'Someone else saved this article after you opened it. Compare the two versions, then save again.', 'zh-CN': '你打开之后，别人保存了这篇文章。请对比两个版本后再保存。' },
  savedAtSameMoment: { en: 'Someone else saved this article at the same moment. Reload to compare.', 'zh-CN': '别人在同一时刻保存了这篇文章，请重新载入后对比。' },
  changedSinceOpened: { en: 'The article changed since you opened it. Reload, then try again.', 'zh-CN': '你打开之后文章有了变化，请重新载入后再试。' },
  revisionNotFound: { en: 'This revision does not exist.', 'zh-CN': '该历史版本不存在。' },
  // Uploads (services/media, the import's upload): shown in the library and the import screen.
  imageUnreadable: { en: 'The image could not be read ({detail}).', 'zh-CN': '无法读取这张图片（{detail}）。' },
  imageNoDimensions: { en: 'The image has no dimensions.', 'zh-CN': '这张图片没有尺寸信息。' },
  imageTooLarge: { en: 'The image is too large ({width}×{height}); the limit is {maxSide} pixels per side and {megapixels} megapixels.', 'zh-CN': '图片太大（{width}×{height}），上限为每边 {maxSide} 像素、共 {megapixels} 百万像素。' },
  imageUnprocessable: { en: 'The image could not be processed ({detail}).', 'zh-CN': '无法处理这张图片（{detail}）。' },
  fileTooLarge: { en: 'The file is larger than {mb} MB.', 'zh-CN': '文件超过 {mb} MB。' },
  importFileTooLarge: { en: 'The file is larger than {mb} MB. Use the command line (npm run import:wordpress) for bigger exports.', 'zh-CN': '文件超过 {mb} MB。更大的导出文件请用命令行导入（npm run import:wordpress）。' },
  fileEmpty: { en: 'The file is empty.', 'zh-CN': '文件是空的。' },
  uploadEmpty: { en: 'The upload is empty.', 'zh-CN': '上传的内容是空的。' },
  uploadInterrupted: { en: 'The upload was interrupted.', 'zh-CN': '上传中断了。' },
  uploadCrossSite: { en: 'This upload did not come from this site.', 'zh-CN': '这次上传不是从本站发起的。' },
  // A workflow step the story's state no longer allows (someone else moved it meanwhile).
  wrongState_draft: { en: 'This article is a draft now, so this step is not possible. Reload to see it as it is.', 'zh-CN': '这篇文章现在是草稿，无法执行此操作。请重新载入查看。' },
  wrongState_in_review: { en: 'This article is in review now, so this step is not possible. Reload to see it as it is.', 'zh-CN': '这篇文章现在正在审核，无法执行此操作。请重新载入查看。' },
  wrongState_scheduled: { en: 'This article is scheduled now, so this step is not possible. Reload to see it as it is.', 'zh-CN': '这篇文章现在已定时发布，无法执行此操作。请重新载入查看。' },
  wrongState_published: { en: 'This article is published now, so this step is not possible. Reload to see it as it is.', 'zh-CN': '这篇文章现在已发布，无法执行此操作。请重新载入查看。' },
  wrongState_archived: { en: 'This article is archived, so this step is not possible. Reload to see it as it is.', 'zh-CN': '这篇文章已归档，无法执行此操作。请重新载入查看。' },
  wrongState_trash: { en: 'This article is in the trash, so this step is not possible. Restore it first.', 'zh-CN': '这篇文章在回收站里，无法执行此操作。请先恢复。' },
  returnReasonRequired: { en: 'Say why the story goes back: the author reads it in the conversation.', 'zh-CN': '请写明退回原因，作者会在讨论区看到。' },
  // Corrections and significant updates (db/queries/admin/article-notices.ts).
  noticeKindInvalid: { en: 'Choose a correction or a significant update.', 'zh-CN': '请选择更正或重大更新。' },
  correctionNoteRequired: { en: 'Say what was wrong and what the story now says.', 'zh-CN': '请写明错在哪里、现已如何更正。' },
  noticeNeedsPublished: { en: 'Only a published story can carry corrections and updates; until then, just edit it.', 'zh-CN': '只有已发布的文章才能添加更正或更新；发布前直接修改即可。' },
  // Redirects.
  redirectFromInvalid: { en: 'Use a path on this site starting with /, without ? or #, for example /2019/05/old-story.html.', 'zh-CN': '请填写以 / 开头的站内路径，不含 ? 或 #，例如 /2019/05/old-story.html。' },
  redirectFromOwnRoute: { en: 'Gazette answers this address itself, so a redirect from it would never be used.', 'zh-CN': '该地址由系统自身使用，从这里跳转永远不会生效。' },
  redirectStatusInvalid: { en: 'Choose 301 (permanent) or 302 (temporary).', 'zh-CN': '请选择 301（永久）或 302（临时）。' },
  redirectFromLiveTag: { en: 'The tag “{name}” is shown at {path}, so a redirect from it would never be used.', 'zh-CN': '标签“{name}”正在使用 {path}，从这里跳转不会生效。' },
  redirectFromLiveAuthor: { en: 'The author page of {name} is shown at {path}, so a redirect from it would never be used.', 'zh-CN': '作者 {name} 的页面正在使用 {path}，从这里跳转不会生效。' },
  redirectFromTaken: { en: '{path} already redirects to {to}. Edit that redirect instead.', 'zh-CN': '{path} 已跳转到 {to}，请修改那条跳转。' },
  redirectLoop: { en: 'This would make a loop: {path} leads back to where it starts.', 'zh-CN': '这会形成循环跳转：{path} 最终又跳回起点。' },
  redirectImportRefused: { en: 'Line {line} of the file was refused, so nothing was imported.', 'zh-CN': '文件第 {line} 行未通过检查，因此没有导入任何内容。' },
  redirectCsvUnreadable: { en: 'Line {line}: expected “from,to” or “from,to,status”.', 'zh-CN': '第 {line} 行：应为“原地址,新地址”或“原地址,新地址,状态码”。' },
  redirectCsvQuote: { en: 'Line {line}: a quoted field is never closed.', 'zh-CN': '第 {line} 行：引号没有闭合。' },
  redirectCsvEmpty: { en: 'The file holds no redirects.', 'zh-CN': '文件中没有跳转记录。' },
  redirectCsvTooLarge: { en: 'At most {max} redirects per file; split it.', 'zh-CN': '每个文件最多 {max} 条跳转，请拆分后导入。' },
  // Pages.
  pageStale: { en: 'Someone else saved this page after you opened it. Reload to see their version, then edit again.', 'zh-CN': '在你打开之后，有人保存了这个单页。请刷新查看对方的版本后再编辑。' },
  // Media.
  mediaAltEmpty: { en: 'Give the image an alt text first, then apply it to the stories.', 'zh-CN': '请先填写图片的替代文字，再应用到稿件。' },
  imageInUse: { en: 'This image is still used in {count} place(s): {titles}. Remove it there first.', 'zh-CN': '该图片仍在 {count} 处使用：{titles}。请先在那里移除。' },
  // Users.
  emailTaken: { en: 'An account with this email already exists.', 'zh-CN': '该邮箱已有账号。' },
  alreadyInUse: { en: 'Already in use.', 'zh-CN': '已被占用。' },
  adminEmailOwnerOnly: { en: 'Only the owner can change an administrator’s email.', 'zh-CN': '只有站点所有者可以修改管理员的邮箱。' },
  ownerProtected: { en: 'The owner account cannot be demoted or disabled.', 'zh-CN': '站点所有者账号不能降级或停用。' },
  ownerPasswordProtected: { en: 'Only the owner can change the owner’s password.', 'zh-CN': '只有站点所有者本人可以修改其密码。' },
  lastAdmin: { en: 'This would leave the site without an active administrator.', 'zh-CN': '此操作会导致网站没有可用的管理员。' },
  wrongCurrentPassword: { en: 'The current password is not correct.', 'zh-CN': '当前密码不正确。' },
  tooManyAttempts: { en: 'Too many wrong passwords. Try again in 15 minutes.', 'zh-CN': '密码错误次数过多，请 15 分钟后再试。' },
  reauthRequired: { en: 'To reset an administrator’s password, enter your own current password.', 'zh-CN': '重置管理员的密码前，请输入你自己的当前密码。' },
  // Topics, 专题 (db/queries/admin/topics.ts).
  topicStoryLines: { en: 'These lines name no story (give an id or a story’s address): {lines}.', 'zh-CN': '以下各行不是稿件（请填写稿件 ID 或文章网址）：{lines}。' },
  topicTooManyStories: { en: 'A topic lists at most {max} stories.', 'zh-CN': '每个专题最多收录 {max} 篇稿件。' },
  topicStoriesMissing: { en: 'No such story (or it is in the trash): {ids}.', 'zh-CN': '找不到这些稿件（或已在回收站）：{ids}。' },
  topicSlugTaken: { en: 'Another topic already has this address.', 'zh-CN': '已有专题使用这个网址。' },
  // Attachments (db/queries/admin/attachments.ts, services/media/attachments.ts).
  tooManyAttachments: { en: 'A story lists at most {max} files.', 'zh-CN': '每篇稿件最多 {max} 个附件。' },
  attachmentNotAccepted: { en: 'This file is not a PDF, Word, Excel, PowerPoint or ZIP file, whatever its name says.', 'zh-CN': '只接受 PDF、Word、Excel、PowerPoint 和 ZIP 文件（按文件内容判断，与文件名无关）。' },
  // Mail: resets and invitations (db/queries/admin/password-links.ts).
  mailNotConfigured: { en: 'This site sends no mail (SMTP_URL is not set): ask an administrator to set a new password for you.', 'zh-CN': '本站未配置邮件（未设置 SMTP_URL），请联系管理员为你设置新密码。' },
  passwordLinkInvalid: { en: 'This link has expired or was already used. Ask for a new one.', 'zh-CN': '此链接已过期或已使用，请重新申请。' },
  invitationNotNeeded: { en: 'Only an active colleague without a password can be invited; anyone else resets their password from the sign-in page.', 'zh-CN': '只能邀请尚未设置密码的在职同事；其他人可在登录页自行重设密码。' },
  tooManyResetRequests: { en: 'Too many requests from this address. Try again in {minutes} minutes.', 'zh-CN': '此地址请求过于频繁，请 {minutes} 分钟后再试。' },
  // Settings.
  siteNameRequired: { en: 'The site name is required.', 'zh-CN': '网站名称不能为空。' },
  timeZoneInvalid: { en: 'Not a known time zone; use a name such as Asia/Shanghai.', 'zh-CN': '无法识别的时区，请使用 Asia/Shanghai 这样的名称。' },
  templatePlaceholders: { en: 'The template must contain {site} and {title}.', 'zh-CN': '模板必须包含 {site} 和 {title}。' },
  hrefInvalid: { en: 'Use an http(s) address or a path on this site starting with /.', 'zh-CN': '请使用 http(s) 地址或以 / 开头的站内路径。' },
  navLabelRequired: { en: 'Menu row {row} needs a label.', 'zh-CN': '菜单第 {row} 项缺少名称。' },
  navLabelTooLong: { en: 'Menu row {row}: the label is longer than {max} characters.', 'zh-CN': '菜单第 {row} 项：名称超过 {max} 个字符。' },
  navHrefInvalid: { en: 'Menu row {row}: use a path starting with / or an http(s) address.', 'zh-CN': '菜单第 {row} 项：请使用以 / 开头的路径或 http(s) 地址。' },
  navHrefUnknown: { en: 'Menu row {row}: nothing on this site answers at {href}. Pick a section, page or tag, or check the address.', 'zh-CN': '菜单第 {row} 项：本站没有 {href} 这个地址。请从栏目、单页或标签中选择，或检查地址。' },
  navTooMany: { en: 'At most {max} menu items.', 'zh-CN': '菜单最多 {max} 项。' },
  settingsStale: { en: 'Someone else changed the settings after you opened them. Reload, then save again.', 'zh-CN': '在你打开之后，有人修改了站点设置。请刷新后再保存。' },
  // Webhooks.
  webhookUrlInvalid: { en: 'Use an http:// or https:// address (without a user name or password).', 'zh-CN': '请填写 http:// 或 https:// 地址（不含用户名和密码）。' },
  webhookEventsRequired: { en: 'Choose at least one event.', 'zh-CN': '请至少选择一个事件。' },
  notFoundWebhook: { en: 'This webhook does not exist or was deleted.', 'zh-CN': '该内容不存在或已被删除。' },
  notFoundDelivery: { en: 'This delivery does not exist or was deleted.', 'zh-CN': '该内容不存在或已被删除。' },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageCode = keyof typeof SERVER_MESSAGES;

/** The `{name}` placeholders of a template, as a union of names. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The codes whose two texts do not take the same parameters: none, or this file does not compile. */
type ParameterMismatch = { [C in MessageCode]: SameSet<Placeholders<(typeof SERVER_MESSAGES)[C]['en']>, Placeholders<(typeof SERVER_MESSAGES)[C]['zh-CN']>> extends true ? never : C }[MessageCode];
const everyTranslationTakesTheSameParameters: [ParameterMismatch] extends [never] ? true : ParameterMismatch = true;
void everyTranslationTakesTheSameParameters;

/** A message as the server sends it: a code and the values of its placeholders. */
export interface Message {
  code: MessageCode;
  params?: TemplateParams;
}

export function isMessageCode(value: string): value is MessageCode {
  return Object.hasOwn(SERVER_MESSAGES, value);
}

/** A message that exists only as English text: every language shows it as it is. */
export const textMessage = (text: string): Message => ({ code: 'text', params: { text } });

/** The one translator of server messages, for every language. */
export function translateMessage(locale: Locale, message: Message): string {
  return fill(SERVER_MESSAGES[message.code][locale], message.params);
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
