import { call, query, segment } from './api.js';
import { act, announce, button, confirmAction, field, h, input, link, route, section, table, time } from './dom.js';

export async function organisationsScreen(params) {
  const cursor = params.get('cursor');
  const page = await call('GET', 'admin/organisations' + query({ cursor, limit: 50 }));
  const domain = input({ name: 'domain', autocomplete: 'off', placeholder: 'example.com' });
  const name = input({ name: 'name', autocomplete: 'off' });
  const rows = page.organisations.map((o) => [link(o.domain, ['organisations', o.domain]), o.name, String(o.members), time(o.createdAt)]);
  return h('div', {},
    h('h1', {}, 'Organisations'),
    table('Organisations', ['Domain', 'Name', 'Members', 'Created'], rows, 'No organisation yet.'),
    h('nav', { class: 'pages', 'aria-label': 'Pages of organisations' },
      cursor ? link('First page', ['organisations']) : null,
      page.next ? link('Next page', ['organisations'], { cursor: page.next }) : null),
    section('New organisation',
      h('form', {
        class: 'inline',
        onsubmit: (event) => {
          event.preventDefault();
          const fields = { domain: domain.value.trim(), name: name.value.trim() };
          act(() => call('POST', 'admin/organisations', { organisation: fields }), 'Created ' + fields.domain + '.');
        },
      }, field('Domain', domain), field('Name', name), h('button', { type: 'submit' }, 'Create organisation'))));
}

export async function organisationScreen(domainName, params) {
  const cursor = params.get('cursor');
  const path = 'admin/organisations/' + segment(domainName);
  const { organisation } = await call('GET', path);
  const members = await call('GET', path + '/members' + query({ cursor, limit: 50 }));
  const label = organisation.name + ' (' + organisation.domain + ')';
  const newName = input({ name: 'name', value: organisation.name, autocomplete: 'off' });
  const email = input({ type: 'email', name: 'email', autocomplete: 'off' });
  const rows = members.users.map((user) => [
    link(user.email, ['users', String(user.id)]), user.username,
    button('Remove', () => act(() => call('DELETE', path + '/members/' + segment(String(user.id))),
      'Removed ' + user.email + ' from ' + organisation.domain + '.'), { 'aria-label': 'Remove ' + user.email }),
  ]);
  return h('div', {},
    h('h1', {}, organisation.name),
    h('p', {}, organisation.domain, ' · ', organisation.members === 1 ? '1 member' : organisation.members + ' members', ' · created ', time(organisation.createdAt)),
    section('Members',
      table('Members', ['Email', 'Username', 'Action'], rows, 'No members.'),
      h('nav', { class: 'pages', 'aria-label': 'Pages of members' },
        cursor ? link('First page', ['organisations', organisation.domain]) : null,
        members.next ? link('Next page', ['organisations', organisation.domain], { cursor: members.next }) : null),
      h('form', {
        class: 'inline',
        onsubmit: (event) => {
          event.preventDefault();
          const wanted = email.value.trim().toLowerCase();
          act(async () => {
            const found = await call('GET', 'admin/users' + query({ q: wanted, limit: 50 }));
            const user = found.users.find((u) => u.email === wanted);
            if (!user) throw new Error('no user has the email ' + wanted);
            await call('PUT', path + '/members/' + segment(String(user.id)));
          }, 'Added ' + wanted + ' to ' + organisation.domain + '.');
        },
      }, field('Email of the new member', email), h('button', { type: 'submit' }, 'Add member'))),
    section('Rename',
      h('form', {
        class: 'inline',
        onsubmit: (event) => {
          event.preventDefault();
          act(() => call('PUT', path, { organisation: { name: newName.value.trim() } }), 'Renamed ' + organisation.domain + '.');
        },
      }, field('Name', newName), h('button', { type: 'submit' }, 'Rename'))),
    section('Delete',
      h('p', {}, 'Deleting an organisation ends every membership; members\u2019 tokens naming it must be renewed.'),
      button('Delete organisation…', async () => {
        if (await confirmAction('Delete the organisation ' + label + ' and its ' + organisation.members + ' memberships?',
          'Delete ' + organisation.domain)) {
          try {
            await call('DELETE', path);
            location.hash = route(['organisations']);
          } catch (refused) {
            announce('Not done: ' + refused.message + '.');
          }
        }
      }, { class: 'danger' })));
}
