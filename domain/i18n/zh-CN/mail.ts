/** What the site mails, in Chinese (domain/mail/templates.ts). */
export const mail = {
  greeting: '{name}，你好：',
  openStory: '打开稿件：',
  theirWords: '{who} 写道：',
  notificationFooter: '你收到这封邮件，是因为你在「{site}」的后台账户开启了邮件通知。不想再收到，可在账户页关闭：',
  resetSubject: '重设「{site}」后台的密码',
  resetIntro: '有人（希望是你）请求重设你在「{site}」后台的密码。点击下面的链接设置新密码，链接 {hours} 小时内有效，只能使用一次：',
  resetIgnore: '如果不是你本人操作，请忽略这封邮件，你的密码不会改变。',
  invitationSubject: '{inviter} 邀请你加入「{site}」编辑部',
  invitationIntro: '{inviter} 为你在「{site}」开通了后台账户（角色：{role}），登录邮箱为 {email}。点击下面的链接设置你的密码，链接 {days} 天内有效，只能使用一次：',
  invitationAfter: '设置好密码后，用这个邮箱和新密码登录：',
} as const;
