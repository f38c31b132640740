// The admin API, with the administrator's token held in this module only (never in storage, never in the page).

const base = new URL('../api/', document.baseURI);
let token = null;
let renewal = null;
let signedOut = () => {};

/** A refusal from the API, with its {"errors":{"field":["message"]}} body. */
export class ApiError extends Error {
  constructor(status, errors, retryAfter) {
    super(Object.entries(errors).map(([field, messages]) => messages.map((m) => field + ' ' + m).join('; ')).join('; '));
    this.status = status;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }
}

/** Called with a reason when the server stops accepting the token (401): the console signs out. */
export function onSignedOut(handler) {
  signedOut = handler;
}

export async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = 'Token ' + token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(new URL(path, base), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
    });
  } catch (unreachable) {
    throw new ApiError(0, { server: ['cannot be reached'] });
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (notJson) {
    json = null;
  }
  if (response.status === 401 && token) {
    forget();
    signedOut('Your session has ended. Sign in again.');
  }
  if (!response.ok) {
    const errors = json && typeof json.errors === 'object' && json.errors !== null
      ? json.errors : { server: ['answered ' + response.status] };
    throw new ApiError(response.status, errors, response.headers.get('Retry-After'));
  }
  return json;
}

/** Logs in through the normal login; keeps the token only if it belongs to an administrator. */
export async function signIn(email, password) {
  const answer = await call('POST', 'users/login', { user: { email, password } });
  token = answer.user.token;
  try {
    await call('GET', 'admin/overview');
  } catch (refused) {
    if (refused.status === 403) {
      await signOut();
      throw new ApiError(403, { account: ['is not an administrator'] });
    }
    forget();
    throw refused;
  }
  scheduleRenewal();
  return answer.user;
}

// An administrator's token lives an hour or so (portcullis.tokens.admin-lifetime): the console renews it at
// POST /api/auth/token when four fifths of its life have passed, without asking for the password again. Renewal
// answers a token from the account's standing now, so one whose administrator standing was taken away signs out.
function scheduleRenewal() {
  clearTimeout(renewal);
  const expires = expiryOf(token);
  if (!expires) return;
  const wait = Math.max(5000, (expires - Date.now()) * 0.8);
  renewal = setTimeout(renew, wait);
}

async function renew() {
  try {
    const answer = await call('POST', 'auth/token');
    token = answer.token;
    await call('GET', 'admin/overview');
    scheduleRenewal();
  } catch (refused) {
    if (token) {
      forget();
      signedOut(refused.status === 403 ? 'This account is no longer an administrator.' : 'Your session has ended. Sign in again.');
    }
  }
}

function expiryOf(jwt) {
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload)).exp * 1000;
  } catch (unreadable) {
    return null;
  }
}

function forget() {
  token = null;
  clearTimeout(renewal);
}

/** Revokes the token at the server, then forgets it. */
export async function signOut() {
  if (!token) return;
  try {
    await call('POST', 'auth/logout');
  } catch (alreadyGone) {
    // revoked or expired already: nothing left to end
  }
  forget();
}

export function segment(value) {
  return encodeURIComponent(value);
}

export function query(parameters) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}
