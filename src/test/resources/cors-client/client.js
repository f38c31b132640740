// What a single-page Conduit or Edumaps client does, from its own origin: register, log in, read the current user,
// re-authenticate, and read an error body. Each step shows what the browser let the page see.
const query = new URLSearchParams(location.search);
const api = query.get('api');
const email = query.get('email');
const password = query.get('password');
const username = email.split('@')[0].replace(/[^A-Za-z0-9_.-]/g, '_');
document.getElementById('page-origin').textContent = self.origin; // "null" in a sandbox
document.getElementById('api').textContent = api;

async function step(name, call) {
    const item = document.createElement('li');
    item.dataset.step = name;
    const title = document.createElement('span');
    title.textContent = name;
    const result = document.createElement('span');
    result.className = 'result';
    item.append(title, result);
    document.getElementById('steps').append(item);
    try {
        const text = await call();
        item.className = 'ok';
        item.dataset.result = text;
    } catch (blocked) {
        item.className = 'blocked';
        item.dataset.result = 'blocked: ' + blocked.name;
    }
    result.textContent = item.dataset.result;
}

async function json(method, path, body, headers) {
    const response = await fetch(api + path, {
        method: method,
        headers: Object.assign({'Content-Type': 'application/json', 'Accept': 'application/json'}, headers || {}),
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    return {status: response.status, body: await response.json()};
}

(async () => {
    let token = null;
    await step('register (Conduit)', async () => {
        const r = await json('POST', '/api/users', {user: {username: username, email: email, password: password}});
        return r.status + ' ' + r.body.user.email;
    });
    await step('log in (Conduit)', async () => {
        const r = await json('POST', '/api/users/login', {user: {email: email, password: password}});
        token = r.body.user.token;
        return r.status + ' ' + (token ? 'token received' : 'no token');
    });
    await step('current user (Conduit)', async () => {
        const r = await json('GET', '/api/user', undefined, {'Authorization': 'Token ' + token});
        return r.status + ' ' + r.body.user.email;
    });
    await step('log in (Edumaps)', async () => {
        const r = await json('POST', '/api/auth/login', {email: email, password: password});
        token = r.body.token;
        return r.status + ' ' + r.body.data.email;
    });
    await step('re-authenticate (Edumaps)', async () => {
        const r = await json('POST', '/api/auth/token', undefined, {'Authorisation': token});
        return r.status + ' ' + r.body.data.email;
    });
    await step('wrong password (error body)', async () => {
        const r = await json('POST', '/api/users/login', {user: {email: email, password: 'not the password'}});
        return r.status + ' ' + JSON.stringify(r.body);
    });
    document.getElementById('done').hidden = false;
})();
