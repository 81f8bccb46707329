import { z } from './zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/password-rules';
import { requiredLine } from './text';

export const email = z.string().trim().max(320).pipe(z.email('Enter a valid email address.'));

/** Any characters, compared verbatim; length is the only rule (ASVS 6.2). */
export const password = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const ownerSetupInput = z.object({
  name: requiredLine(100, 'Your name is required.'),
  email,
  password,
});

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX),
  newPassword: password,
});
