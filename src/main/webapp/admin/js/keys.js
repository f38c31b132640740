import { call, segment } from './api.js';
import { act, button, confirmAction, h, section, table, time } from './dom.js';

export async function keysScreen() {
  const keys = await call('GET', 'admin/keys');
  const rows = keys.map((key) => [
    h('code', {}, key.kid), key.algorithm, h('span', { class: 'key-' + key.state.toLowerCase() }, key.state.toLowerCase()),
    time(key.createdAt), time(key.activatesAt), time(key.retiredAt), time(key.publishedUntil),
    key.state === 'RETIRED' ? '—' : button('Retire now…', async () => {
      if (await confirmAction('Retire the key ' + key.kid + ' now? Every token it signed is refused at once, on every node.'
        + ' Do this only for a key that has leaked.', 'Retire ' + key.kid)) {
        act(() => call('POST', 'admin/keys/' + segment(key.kid) + '/retire-now'), 'Retired ' + key.kid + '.');
      }
    }, { class: 'danger', 'aria-label': 'Retire ' + key.kid + ' now' }),
  ]);
  return h('div', {},
    h('h1', {}, 'Signing keys'),
    h('p', {}, 'Next keys are published before they sign; retired keys stay published until the last token they signed expires.'),
    table('Signing keys', ['Key id', 'Algorithm', 'State', 'Created', 'Signs from', 'Retired', 'Published until', 'Action'], rows),
    section('Rotate',
      h('p', {}, 'Publishes a new key now; it signs once verifiers have had time to fetch it.'),
      button('Rotate keys', () => act(() => call('POST', 'admin/keys/rotate'), 'Rotation started: a new key is published.'))));
}
