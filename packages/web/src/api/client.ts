import { withInvisibleShown } from './invisible';

/** The one way the web app talks to the API: JSON, the session cookie, and the CSRF header. */
export interface FieldError {
  path: string;
  message: string;
  /** Why the server refused it (see FieldReason in core), and the limit broken. */
  reason?: string;
  limit?: number;
  /** Numbers and dates the reason's wording needs (e.g. the age a date of birth gives). */
  values?: Record<string, number | string>;
}

/** Why a whole request was refused where the code alone does not say (see ErrorReason in core). */
export interface ErrorWhy {
  reason?: string;
  values?: Record<string, number>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly why: ErrorWhy = {},
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return send<T>(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
}

/** Sends a file as its raw bytes (a CSV, for instance), so the server reads its encoding itself; `headers` carry what describes it. */
export async function upload<T>(path: string, file: Blob, contentType: string, headers: Record<string, string> = {}): Promise<T> {
  return send<T>('POST', path, { ...headers, accept: 'application/json', 'content-type': contentType }, file);
}

/** A file the server makes from what is sent (a chart's PDF, say), to download. */
export async function apiFile(path: string, body: unknown): Promise<Blob> {
  const response = await request('POST', path, { accept: 'application/pdf, application/json', 'content-type': 'application/json' }, JSON.stringify(body));
  return response.blob();
}

async function send<T>(method: string, path: string, headers: Record<string, string>, body: BodyInit | undefined): Promise<T> {
  const response = await request(method, path, headers, body);
  const text = await response.text();
  // Text from reporters and imports is shown as sent, but never with controls that hide or reorder it.
  return withInvisibleShown(text ? JSON.parse(text) : undefined) as T;
}

/** The server's answer, or its refusal as an ApiError with its code, reason and fields. */
async function request(method: string, path: string, headers: Record<string, string>, body: BodyInit | undefined): Promise<Response> {
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (!response.ok) {
    const text = await response.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    const error = (json as { error?: { code?: string; message?: string; fields?: FieldError[] } & ErrorWhy } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'unknown', error?.message ?? response.statusText, error?.fields ?? [], {
      ...(error?.reason ? { reason: error.reason } : {}),
      ...(error?.values ? { values: error.values } : {}),
    });
  }
  return response;
}
