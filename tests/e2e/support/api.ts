// Set-up through the HTTP API (what the UI test is not about): sign-in and staff accounts.
export async function call<T>(url: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}/api${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function signIn(url: string, username: string, password: string): Promise<string> {
  return (await call<{ token: string }>(url, 'POST', '/auth/login', undefined, { username, password })).token;
}

interface Org { id: string; name: string; level: string; parentId: string | null }

/**
 * A new account as an administrator makes it: an initial password the user must change at the first
 * sign-in, which this does, to `password`.
 */
async function createAccount(url: string, adminToken: string, password: string, account: { username: string; name: string; orgId: string; roles: string[] }) {
  const initial = `Init-${password}`;
  await call(url, 'POST', '/admin/users', adminToken, { ...account, password: initial });
  await call(url, 'POST', '/auth/password', await signIn(url, account.username, initial), { current: initial, next: password });
}

/** A clerk and an approver of the first township centre and an agent of one of its villages, with known passwords. */
export async function createStaff(url: string, adminToken: string, password: string) {
  const orgs = await call<Org[]>(url, 'GET', '/admin/orgs', adminToken);
  const township = orgs.find((o) => o.level === 'township') ?? orgs[0];
  if (!township) throw new Error('no organisation to put staff in');
  const village = orgs.find((o) => o.level === 'village' && o.parentId === township.id);
  if (!village) throw new Error(`no village station under ${township.name}`);
  const suffix = Date.now().toString(36);
  const clerk = `e2eclerk${suffix}`;
  const approver = `e2eapprover${suffix}`;
  const agent = `e2eagent${suffix}`;
  await createAccount(url, adminToken, password, { username: clerk, name: '测试窗口', orgId: township.id, roles: ['clerk'] });
  await createAccount(url, adminToken, password, { username: approver, name: '测试审批', orgId: township.id, roles: ['approver'] });
  await createAccount(url, adminToken, password, { username: agent, name: '测试代办员', orgId: village.id, roles: ['agent'] });
  return { clerk, approver, agent, township, village };
}
