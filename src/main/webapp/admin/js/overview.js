import { call } from './api.js';
import { facts, h, section, table, time } from './dom.js';

export async function overviewScreen() {
  const { readiness, activity } = await call('GET', 'admin/overview');
  return h('div', {},
    h('h1', {}, 'Overview'),
    section('Readiness of this node',
      h('p', { class: 'state-' + readiness.status.toLowerCase() }, 'This node is ', h('strong', {}, readiness.status === 'UP' ? 'ready' : 'not ready'), '.'),
      table('Readiness checks', ['Check', 'Status'],
        readiness.checks.map((check) => [check.name, h('span', { class: 'state-' + check.status.toLowerCase() }, check.status)]))),
    section('This node in the last hour',
      h('p', {}, 'Since ', time(activity.since), '.'),
      facts([
        ['Successful logins', String(activity.logins.success)],
        ['Failed logins', String(activity.logins.failure)],
        ['Throttled logins', String(activity.logins.throttled)],
        ['Tokens verified', String(activity.tokens.verified)],
        ['Tokens refused', String(activity.tokens.refused)],
      ])));
}
