import { call, query, segment } from './api.js';
import { act, button, confirmAction, facts, field, h, input, link, section, table, time } from './dom.js';

export async function userScreen(id) {
  const { user } = await call('GET', 'admin/users/' + segment(id));
  const path = 'admin/users/' + segment(id);
  const who = user.email + ' (' + user.username + ')';
  return h('div', {},
    h('h1', {}, user.email),
    facts([
      ['Username', user.username],
      ['Name', user.name || '—'],
      ['Id', String(user.id)],
      ['Created', time(user.createdAt)],
      ['Updated', time(user.updatedAt)],
      ['Status', user.disabled ? h('span', { class: 'state-down' }, 'disabled') : 'active'],
      ['Administrator', user.administrator ? 'yes' : 'no'],
      ['Password', passwordKeeper(user.managedBy)],
      ['Throttling', throttling(user.throttling)],
    ]),
    section('Actions',
      h('div', { class: 'actions' },
        user.disabled
          ? button('Enable', () => act(() => call('POST', path + '/enable'), 'Enabled ' + who + '.'))
          : button('Disable', () => act(() => call('POST', path + '/disable'), 'Disabled ' + who + '; their tokens are refused.')),
        user.administrator
          ? button('Remove administrator', () => act(() => call('DELETE', path + '/administrator'), 'Removed administrator standing from ' + who + '; their earlier tokens are refused.'))
          : button('Make administrator', () => act(() => call('PUT', path + '/administrator'), 'Made ' + who + ' an administrator (from their next sign-in).')),
        button('Revoke all sessions', () => act(() => call('DELETE', path + '/sessions'), 'Revoked every session of ' + who + '.')),
        button('Lift throttling', () => act(() => call('DELETE', path + '/throttling'), 'Lifted throttling for ' + who + '.'),
          { disabled: user.throttling.failures === 0 && !user.throttling.locked })),
      user.managedBy ? null : newPasswordForm(path, who)),
    section('Organisations', organisations(user, who)),
    section('Integrations',
      user.integrations.length ? h('ul', {}, user.integrations.map((name) => h('li', {}, name))) : h('p', { class: 'empty' }, 'None enabled.')),
    section('Sessions', sessions(user, path, who)),
    section('Delete',
      h('p', {}, 'Deleting a user ends their sessions and removes their account, memberships and integrations.'),
      button('Delete user…', async () => {
        if (await confirmAction('Delete the user ' + who + '? This cannot be undone.', 'Delete ' + user.email)) {
          try {
            await call('DELETE', path);
            location.hash = '#/users';
          } catch (refused) {
            document.getElementById('status').textContent = 'Not done: ' + refused.message + '.';
          }
        }
      }, { class: 'danger' })));
}

function throttling(state) {
  if (state.locked) return h('span', { class: 'state-down' }, 'locked for ' + state.retryAfter + ' s after ' + state.failures + ' failed logins');
  return state.failures ? state.failures + ' failed logins counted' : 'no failed logins';
}

function newPasswordForm(path, who) {
  const password = input({ type: 'password', autocomplete: 'new-password', name: 'new-password' });
  return h('form', {
    class: 'inline',
    onsubmit: (event) => {
      event.preventDefault();
      const value = password.value;
      password.value = '';
      act(() => call('PUT', path + '/password', { password: value }), 'Set a new password for ' + who + '.');
    },
  }, field('New password', password), h('button', { type: 'submit' }, 'Set password'));
}

function organisations(user, who) {
  const domain = input({ name: 'domain', autocomplete: 'off', list: 'organisation-domains' });
  const known = h('datalist', { id: 'organisation-domains' });
  call('GET', 'admin/organisations' + query({ limit: 200 }))
    .then((page) => known.replaceChildren(...page.organisations.map((o) => h('option', { value: o.domain }, o.name))))
    .catch(() => {});
  const members = (d) => 'admin/organisations/' + segment(d) + '/members/' + segment(String(user.id));
  return [
    user.organisations.length
      ? h('ul', { class: 'list' }, user.organisations.map((d) => h('li', {},
        link(d, ['organisations', d]), ' ',
        button('Remove', () => act(() => call('DELETE', members(d)), 'Removed ' + who + ' from ' + d + '.'),
          { 'aria-label': 'Remove from ' + d }))))
      : h('p', { class: 'empty' }, 'Member of no organisation.'),
    h('form', {
      class: 'inline',
      onsubmit: (event) => {
        event.preventDefault();
        const d = domain.value.trim();
        if (d) act(() => call('PUT', members(d)), 'Added ' + who + ' to ' + d + '.');
      },
    }, field('Organisation (domain)', domain), known, h('button', { type: 'submit' }, 'Add to organisation')),
  ];
}

function sessions(user, path, who) {
  const rows = user.sessions.map((s) => [
    h('code', {}, s.id), s.kind + (s.integration ? ' (' + s.integration + ')' : ''), s.state,
    time(s.issuedAt), time(s.expiresAt), s.address || '—', s.userAgent || '—',
    button('Revoke', () => act(() => call('DELETE', path + '/sessions/' + segment(s.id)), 'Revoked session ' + s.id + ' of ' + who + '.'),
      { 'aria-label': 'Revoke session ' + s.id }),
  ]);
  return table('Live sessions', ['Id', 'Kind', 'State', 'Issued', 'Expires', 'Address', 'Client', 'Action'], rows, 'No live session.');
}

/** Who keeps the password: Portcullis, the directory, or an identity provider ("idp:corp"). */
function passwordKeeper(managedBy) {
  if (!managedBy) {
    return 'a Portcullis password';
  }
  return managedBy.startsWith('idp:') ? 'kept by identity provider ' + managedBy.slice(4) : 'kept by the ' + managedBy;
}
