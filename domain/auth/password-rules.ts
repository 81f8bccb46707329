/** Shared by forms and the server; passwords are never trimmed or normalised. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
