import { call, query } from './api.js';
import { field, h, input, link, route, table, time } from './dom.js';

export async function usersScreen(params) {
  const q = params.get('q') || '';
  const organisation = params.get('organisation') || '';
  const cursor = params.get('cursor');
  const text = input({ type: 'search', name: 'q', value: q, autocomplete: 'off' });
  const domain = input({ name: 'organisation', value: organisation, autocomplete: 'off' });
  const form = h('form', {
    class: 'filters',
    role: 'search',
    onsubmit: (event) => {
      event.preventDefault();
      location.hash = route(['users'], { q: text.value.trim(), organisation: domain.value.trim() });
    },
  }, field('Email or username contains', text), field('Organisation (domain)', domain), h('button', { type: 'submit' }, 'Search'));

  const page = await call('GET', 'admin/users' + query({ q, organisation, cursor, limit: 50 }));
  const rows = page.users.map((user) => [
    link(user.email, ['users', String(user.id)]),
    user.username,
    user.name || '—',
    user.disabled ? h('span', { class: 'state-down' }, 'disabled') : 'active',
    time(user.createdAt),
  ]);
  return h('div', {},
    h('h1', {}, 'Users'),
    form,
    table('Users found', ['Email', 'Username', 'Name', 'Status', 'Created'], rows, 'No user matches.'),
    h('nav', { class: 'pages', 'aria-label': 'Pages of users' },
      cursor ? link('First page', ['users'], { q, organisation }) : null,
      page.next ? link('Next page', ['users'], { q, organisation, cursor: page.next }) : null));
}
