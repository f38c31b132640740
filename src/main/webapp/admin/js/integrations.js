import { call, segment } from './api.js';
import { act, button, confirmAction, field, h, input, section, table, time } from './dom.js';

export async function integrationsScreen() {
  const { integrations } = await call('GET', 'admin/integrations');
  const name = input({ name: 'name', autocomplete: 'off', pattern: '[a-z0-9][a-z0-9-]{0,63}', placeholder: 'calendar' });
  const displayName = input({ name: 'displayName', autocomplete: 'off' });
  const rows = integrations.map((integration) => {
    const path = 'admin/integrations/' + segment(integration.name);
    const rename = input({ value: integration.displayName, autocomplete: 'off', 'aria-label': 'Display name of ' + integration.name });
    return [
      h('code', {}, integration.name),
      h('form', {
        class: 'row-form',
        onsubmit: (event) => {
          event.preventDefault();
          act(() => call('PUT', path, { integration: { displayName: rename.value.trim() } }), 'Renamed ' + integration.name + '.');
        },
      }, rename, h('button', { type: 'submit', 'aria-label': 'Save the display name of ' + integration.name }, 'Save')),
      time(integration.createdAt),
      button('Delete…', async () => {
        if (await confirmAction('Delete the integration ' + integration.name + ' (' + integration.displayName
          + ')? It is disabled for every user and every token it holds is revoked.', 'Delete ' + integration.name)) {
          act(() => call('DELETE', path), 'Deleted ' + integration.name + '.');
        }
      }, { class: 'danger', 'aria-label': 'Delete ' + integration.name }),
    ];
  });
  return h('div', {},
    h('h1', {}, 'Integrations'),
    h('p', {}, 'The services users may enable; each one\u2019s name is the audience of its tokens.'),
    table('Integrations catalogue', ['Name', 'Display name', 'Created', 'Action'], rows, 'The catalogue is empty.'),
    section('New integration',
      h('form', {
        class: 'inline',
        onsubmit: (event) => {
          event.preventDefault();
          const fields = { name: name.value.trim(), displayName: displayName.value.trim() };
          act(() => call('POST', 'admin/integrations', { integration: fields }), 'Created ' + fields.name + '.');
        },
      }, field('Name (lower case, digits, dashes)', name), field('Display name', displayName),
      h('button', { type: 'submit' }, 'Create integration'))));
}
