import { call, query } from './api.js';
import { field, h, input, link, route, table, time } from './dom.js';

const KINDS = ['login', 'reauthentication', 'exchange', 'registration', 'throttled', 'logout', 'logout-everywhere',
  'password-change', 'tokens-revoked', 'user-disabled', 'user-enabled', 'key-retired-now', 'key-rotated',
  'session-revoked', 'integration-enabled', 'integration-disabled', 'account-deleted', 'user-created', 'password-set',
  'throttling-lifted', 'organisation-created', 'organisation-changed', 'organisation-deleted', 'membership-added',
  'membership-removed', 'integration-created', 'integration-changed', 'integration-deleted'];

/** datetime-local (read as UTC) to ISO-8601 and back. */
const toIso = (local) => (local ? local + (local.length === 16 ? ':00' : '') + 'Z' : '');
const toLocal = (iso) => (iso ? iso.replace(/Z$/, '').slice(0, 19) : '');

export async function eventsScreen(params) {
  const filter = { user: params.get('user') || '', kind: params.get('kind') || '', since: params.get('since') || '', until: params.get('until') || '' };
  const cursor = params.get('cursor');
  const user = input({ name: 'user', value: filter.user, inputmode: 'numeric', autocomplete: 'off' });
  const kind = h('select', { name: 'kind' }, h('option', { value: '' }, 'any'),
    KINDS.map((k) => h('option', { value: k, selected: k === filter.kind }, k)));
  const since = input({ type: 'datetime-local', name: 'since', value: toLocal(filter.since), step: 1 });
  const until = input({ type: 'datetime-local', name: 'until', value: toLocal(filter.until), step: 1 });
  const form = h('form', {
    class: 'filters',
    role: 'search',
    onsubmit: (event) => {
      event.preventDefault();
      location.hash = route(['events'], { user: user.value.trim(), kind: kind.value, since: toIso(since.value), until: toIso(until.value) });
    },
  }, field('User id', user), field('Kind', kind), field('Since (UTC)', since), field('Until (UTC)', until),
  h('button', { type: 'submit' }, 'Filter'));

  const page = await call('GET', 'admin/events' + query({ ...filter, cursor, limit: 100 }));
  const person = (id) => (id && /^[0-9]+$/.test(id) ? link(id, ['users', id]) : id || '—');
  const rows = page.events.map((e) => [time(e.at), e.kind, e.outcome, person(e.user), person(e.actor), e.address || '—', e.detail || '—']);
  return h('div', {},
    h('h1', {}, 'Security events'),
    form,
    table('Security events, newest first', ['At', 'Kind', 'Outcome', 'User', 'By', 'Address', 'Detail'], rows, 'No event matches.'),
    h('nav', { class: 'pages', 'aria-label': 'Pages of events' },
      cursor ? link('Newest', ['events'], filter) : null,
      page.next ? link('Older', ['events'], { ...filter, cursor: page.next }) : null));
}
