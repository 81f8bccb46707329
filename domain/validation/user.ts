import { z } from './zod';
import { PASSWORD_MAX } from '../auth/password-rules';
import { email, password } from './account';
import { id, multiline, requiredLine } from './text';

export const roleInput = z.enum(['contributor', 'author', 'editor', 'admin']);

export const inviteUserInput = z.object({
  email,
  name: requiredLine(100, 'nameRequired'),
  role: roleInput,
  /**
   * The initial password, told to the new colleague in person; any characters, kept verbatim. Empty:
   * the colleague is mailed a link to set their own (only when the site has SMTP_URL).
   */
  password: z.union([z.literal(''), password]).default(''),
});

export const sendInvitationInput = z.object({ id });

/** Whether what rings one's bell is mailed too. */
export const emailNotificationsInput = z.object({ emailNotifications: z.boolean() });

/** "Forgot your password" on the sign-in page. */
export const passwordResetRequestInput = z.object({ email });
/** A new password through a mailed link. */
export const passwordByLinkInput = z.object({ token: z.string().max(200), password });

/** A colleague's name and sign-in email, as an admin corrects them. */
export const userDetailsInput = z.object({ id, name: requiredLine(100, 'nameRequired'), email });

export const changeRoleInput = z.object({ id, role: roleInput });
export const setDisabledInput = z.object({ id, disabled: z.boolean() });
/** `currentPassword`: the acting admin's own, needed (unless they are the owner) when the target is an admin. */
export const resetPasswordInput = z.object({ id, password, currentPassword: z.string().max(PASSWORD_MAX).optional() });

export const profileInput = z.object({
  name: requiredLine(100, 'nameRequired'),
  bio: multiline(2000).default(''),
});

/** `null` follows the site's language. */
export const uiLocaleInput = z.object({ uiLocale: z.enum(['zh-CN', 'en']).nullable() });

export const ownPasswordInput = z.object({
  currentPassword: z.string().min(1, 'currentPasswordRequired').max(PASSWORD_MAX),
  newPassword: password,
});

export type InviteUserInput = z.output<typeof inviteUserInput>;
export type ProfileInput = z.output<typeof profileInput>;
