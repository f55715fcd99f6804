// The dashboard's only way to data: the public analytics API, with the secret key the user signed in with.
export interface Session {
  projectId: string;
  secretKey: string;
}

const KEY = 'holdfast-dashboard';

export const loadSession = (): Session | null => {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  } catch {
    return null;
  }
};
export const saveSession = (s: Session | null) => (s ? sessionStorage.setItem(KEY, JSON.stringify(s)) : sessionStorage.removeItem(KEY));

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T = any>(s: Session, path: string): Promise<T> {
  const res = await fetch(`/v1/projects/${encodeURIComponent(s.projectId)}${path}`, { headers: { authorization: `Bearer ${s.secretKey}` } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, body.code ?? 'HF_ERR_INTERNAL', body.message ?? res.statusText);
  return body as T;
}
