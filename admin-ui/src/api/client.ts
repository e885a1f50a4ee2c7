import { loadSession, saveSession } from '../auth/session.ts';
import { ApiError, toProblems } from './errors.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Called when the server says the token is no longer good; the app sends the user to sign in. */
let onUnauthorised: () => void = () => {};
export function setUnauthorisedHandler(fn: () => void): void {
  onUnauthorised = fn;
}

function headers(json: boolean, token?: string): Record<string, string> {
  const h: Record<string, string> = {};
  if (json) h['Content-Type'] = 'application/json';
  const bearer = token ?? loadSession()?.token;
  if (bearer) h.Authorization = `Bearer ${bearer}`;
  return h;
}

async function raise(res: Response): Promise<never> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page): the status alone must do.
  }
  const err = ((body ?? {}) as { error?: { code?: string; message?: string; details?: unknown } }).error ?? {};
  if (res.status === 401 && loadSession()) {
    saveSession(null);
    onUnauthorised();
  }
  throw new ApiError(res.status, err.code ?? String(res.status), err.message ?? res.statusText, toProblems(err.details));
}

/** `token`: a session not yet saved (a sign-in that must first change its password). */
export async function api<T>(method: Method, path: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`/api${path}`, {
    method,
    headers: headers(body !== undefined, token),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) return raise(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? res.json() : res.text()) as Promise<T>;
}

/** Binary resources behind the token (PDFs, stamp SVGs) can't be plain links: fetch them as blobs. */
export async function apiBlobUrl(path: string): Promise<string> {
  const res = await fetch(`/api${path}`, { headers: headers(false) });
  if (!res.ok) return raise(res);
  return URL.createObjectURL(await res.blob());
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);

/** Builds `?a=1&b=2`, leaving out empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
