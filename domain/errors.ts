/** An error the user can act on: its status and message reach the UI; nothing was changed. */
export class ActionError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFoundError = (what = 'This item') => new ActionError(404, `${what} does not exist or was deleted.`);
export const forbiddenError = () => new ActionError(403, 'You do not have permission to do this.');
