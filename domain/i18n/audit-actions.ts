import type { Locale } from './messages';

/**
 * What each audit-log action code (`audit_log.action`, written by db/queries/admin) reads as on
 * the audit page. Both languages sit on one line so a new code cannot get only one of them.
 */
const AUDIT_ACTIONS: Record<string, Record<Locale, string>> = {
  'article.create': { 'zh-CN': '新建文章', en: 'Created the article' },
  'article.update': { 'zh-CN': '保存文章', en: 'Saved the article' },
  'article.submit': { 'zh-CN': '提交审核', en: 'Submitted for review' },
  'article.withdraw': { 'zh-CN': '撤回审核', en: 'Withdrew from review' },
  'article.publish': { 'zh-CN': '发布', en: 'Published' },
  'article.schedule': { 'zh-CN': '设置定时发布', en: 'Scheduled' },
  'article.went-live': { 'zh-CN': '定时发布已上线', en: 'Scheduled story went live' },
  'article.unpublish': { 'zh-CN': '撤回发布', en: 'Unpublished' },
  'article.archive': { 'zh-CN': '归档', en: 'Archived' },
  'article.trash': { 'zh-CN': '移到回收站', en: 'Moved to the trash' },
  'article.restore': { 'zh-CN': '从回收站恢复', en: 'Restored from the trash' },
  'article.restore-revision': { 'zh-CN': '恢复历史版本', en: 'Restored a revision' },
  'article.preview-link': { 'zh-CN': '生成预览链接', en: 'Created a preview link' },
  'article.preview-link-revoke': { 'zh-CN': '撤销预览链接', en: 'Revoked a preview link' },
  'article.preview-link-revoke-all': { 'zh-CN': '撤销全部预览链接', en: 'Revoked all preview links' },
  'section.create': { 'zh-CN': '新建栏目', en: 'Created the section' },
  'section.update': { 'zh-CN': '修改栏目', en: 'Changed the section' },
  'section.delete': { 'zh-CN': '删除栏目', en: 'Deleted the section' },
  'tag.create': { 'zh-CN': '新建标签', en: 'Created the tag' },
  'tag.update': { 'zh-CN': '修改标签', en: 'Changed the tag' },
  'tag.merge': { 'zh-CN': '合并标签', en: 'Merged tags' },
  'tag.delete': { 'zh-CN': '删除标签', en: 'Deleted the tag' },
  'redirect.create': { 'zh-CN': '新建跳转', en: 'Created the redirect' },
  'redirect.update': { 'zh-CN': '修改跳转', en: 'Changed the redirect' },
  'redirect.delete': { 'zh-CN': '删除跳转', en: 'Deleted the redirect' },
  'redirect.import': { 'zh-CN': '导入跳转', en: 'Imported redirects' },
  'page.create': { 'zh-CN': '新建单页', en: 'Created the page' },
  'page.update': { 'zh-CN': '保存单页', en: 'Saved the page' },
  'page.publish': { 'zh-CN': '发布单页', en: 'Published the page' },
  'page.unpublish': { 'zh-CN': '撤回单页', en: 'Unpublished the page' },
  'page.delete': { 'zh-CN': '删除单页', en: 'Deleted the page' },
  'media.upload': { 'zh-CN': '上传媒体', en: 'Uploaded media' },
  'media.update': { 'zh-CN': '修改媒体信息', en: 'Changed media details' },
  'media.apply-alt': { 'zh-CN': '把替代文字应用到稿件', en: 'Applied the alt text to stories' },
  'media.rehost': { 'zh-CN': '本地化远程图片', en: 'Re-hosted a remote image' },
  'media.delete': { 'zh-CN': '删除媒体', en: 'Deleted media' },
  'settings.update': { 'zh-CN': '修改站点设置', en: 'Changed the site settings' },
  'user.setup-owner': { 'zh-CN': '创建站点所有者', en: 'Created the site owner' },
  'user.create': { 'zh-CN': '新建用户', en: 'Created the user' },
  'user.details': { 'zh-CN': '修改姓名或邮箱', en: 'Changed the name or email' },
  'user.role': { 'zh-CN': '更改角色', en: 'Changed the role' },
  'user.disable': { 'zh-CN': '停用账号', en: 'Disabled the account' },
  'user.enable': { 'zh-CN': '启用账号', en: 'Enabled the account' },
  'user.reset-password': { 'zh-CN': '重置密码', en: 'Reset the password' },
  'user.change-password': { 'zh-CN': '修改自己的密码', en: 'Changed own password' },
  'user.profile': { 'zh-CN': '修改个人资料', en: 'Changed the profile' },
  'user.ui-locale': { 'zh-CN': '更改界面语言', en: 'Changed the interface language' },
  'webhook.create': { 'zh-CN': '新建 Webhook', en: 'Created the webhook' },
  'webhook.update': { 'zh-CN': '修改 Webhook', en: 'Changed the webhook' },
  'webhook.delete': { 'zh-CN': '删除 Webhook', en: 'Deleted the webhook' },
  'webhook.secret': { 'zh-CN': '重新生成 Webhook 密钥', en: 'Regenerated the webhook secret' },
  'api-token.create': { 'zh-CN': '创建 API 令牌', en: 'Created an API token' },
  'api-token.revoke': { 'zh-CN': '撤销 API 令牌', en: 'Revoked an API token' },
  'auth.sign-in-failed': { 'zh-CN': '登录失败', en: 'Failed sign-in' },
  'auth.sign-in-refused': { 'zh-CN': '登录尝试过多，已拒绝', en: 'Sign-in refused: too many attempts' },
  'auth.reauth-failed': { 'zh-CN': '身份确认失败（密码错误）', en: 'Wrong password when confirming identity' },
  'auth.setup-code-wrong': { 'zh-CN': '初始设置码错误', en: 'Wrong first-run setup code' },
};

/** An audit-log action in words ("定时发布已上线"); a code with no label yet shows as itself. */
export function auditActionLabel(locale: Locale, action: string): string {
  // Own properties only: a stored code such as "constructor" must not reach Object.prototype.
  return Object.hasOwn(AUDIT_ACTIONS, action) ? AUDIT_ACTIONS[action]![locale] : action;
}
