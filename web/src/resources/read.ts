import { isApiError } from '../api';

/**
 * A read where one refusal means "nothing there" (an expired session, a link
 * that no longer works): answers null for that status, throws anything else.
 */
export async function orNullOn<T>(status: number, read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isApiError(error, status)) return null;
    throw error;
  }
}
