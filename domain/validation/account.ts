import { z } from './zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/password-rules';
import { requiredLine } from './text';

export const email = z.string().trim().max(320).pipe(z.email('emailInvalid'));

/** Any characters, compared verbatim; length is the only rule (ASVS 6.2). */
export const password = z
  .string()
  .min(PASSWORD_MIN, 'passwordTooShort')
  .max(PASSWORD_MAX, 'passwordTooLong');

export const ownerSetupInput = z.object({
  name: requiredLine(100, 'yourNameRequired'),
  email,
  password,
});

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'currentPasswordRequired').max(PASSWORD_MAX),
  newPassword: password,
});
