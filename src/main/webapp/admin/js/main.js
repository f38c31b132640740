// The console's shell: sign-in, navigation between screens (#/screen/...), sign-out.
import { onSignedOut, signIn, signOut } from './api.js';
import { overviewScreen } from './overview.js';
import { usersScreen } from './users.js';
import { userScreen } from './user.js';
import { organisationsScreen, organisationScreen } from './organisations.js';
import { integrationsScreen } from './integrations.js';
import { keysScreen } from './keys.js';
import { eventsScreen } from './events.js';
import { announce, h, onRerender } from './dom.js';

const screens = {
  overview: () => overviewScreen(),
  users: (rest, params) => (rest.length ? userScreen(rest[0]) : usersScreen(params)),
  organisations: (rest, params) => (rest.length ? organisationScreen(rest[0], params) : organisationsScreen(params)),
  integrations: () => integrationsScreen(),
  keys: () => keysScreen(),
  events: (rest, params) => eventsScreen(params),
};

const element = (id) => document.getElementById(id);
let signedIn = false;

function showSignIn(message) {
  signedIn = false;
  for (const id of ['nav', 'who', 'sign-out', 'screen']) element(id).hidden = true;
  element('screen').replaceChildren();
  element('sign-in').hidden = false;
  element('sign-in-error').textContent = message || '';
  element('password').value = '';
  element('email').focus();
}

function showConsole(user) {
  signedIn = true;
  element('sign-in').hidden = true;
  element('password').value = '';
  element('sign-in-error').textContent = '';
  for (const id of ['nav', 'who', 'sign-out', 'screen']) element(id).hidden = false;
  element('who').textContent = user.email;
  if (!location.hash.startsWith('#/')) {
    location.hash = '#/users';
  } else {
    render();
  }
}

/** Shows the screen the address names; a failure to load shows as a message, never as half a screen. */
async function render() {
  if (!signedIn) return;
  const [path, search] = location.hash.slice(2).split('?');
  const [name, ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
  const screen = screens[name] || screens.users;
  for (const a of element('nav').querySelectorAll('a')) {
    if (a.getAttribute('href') === '#/' + (screens[name] ? name : 'users')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const target = element('screen');
  target.setAttribute('aria-busy', 'true');
  let content;
  try {
    content = await screen(rest, new URLSearchParams(search || ''));
  } catch (failure) {
    if (!signedIn) return;
    content = h('div', {}, h('h1', {}, 'Cannot show this screen'), h('p', { class: 'error', role: 'alert' }, failure.message));
  }
  target.replaceChildren(content);
  target.removeAttribute('aria-busy');
  const heading = target.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

onRerender(render);
onSignedOut((reason) => showSignIn(reason));

element('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = element('email').value.trim();
  const password = element('password').value;
  const error = element('sign-in-error');
  if (!email || !password) {
    error.textContent = 'Enter your email and password.';
    return;
  }
  error.textContent = 'Signing in…';
  try {
    showConsole(await signIn(email, password));
  } catch (refused) {
    element('password').value = '';
    if (refused.status === 429) {
      error.textContent = 'Too many attempts. Try again in ' + (refused.retryAfter || 'a few') + ' seconds.';
    } else if (refused.status === 401 || refused.status === 422) {
      error.textContent = 'Email or password is invalid.';
    } else if (refused.status === 403) {
      error.textContent = 'This account is not an administrator.';
    } else {
      error.textContent = 'Cannot sign in: ' + refused.message + '.';
    }
  }
});

element('sign-out').addEventListener('click', async () => {
  await signOut();
  history.replaceState(null, '', location.pathname);
  showSignIn('Signed out.');
});

window.addEventListener('hashchange', () => {
  announce('');
  render();
});
