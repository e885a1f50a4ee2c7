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
  await call(url, 'POST', '/admin/users', adminToken, { username: clerk, name: '测试窗口', password, orgId: township.id, roles: ['clerk'] });
  await call(url, 'POST', '/admin/users', adminToken, { username: approver, name: '测试审批', password, orgId: township.id, roles: ['approver'] });
  await call(url, 'POST', '/admin/users', adminToken, { username: agent, name: '测试代办员', password, orgId: village.id, roles: ['agent'] });
  return { clerk, approver, agent, township, village };
}
