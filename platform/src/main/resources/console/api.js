// The API: where it is served, its routes, its usage plans, and each key's use of its quota.
import {empty, failure, getJson, h, table, time} from './dom.js';
import {every} from './refresh.js';

export function mount(main) {
  const body = h('div', {id: 'api'});
  main.append(h('h2', {}, 'API'),
    h('p', {class: 'hint'}, 'Key values are shown masked. Usage is what the gateway has stored; it trails by up to a second.'),
    body);
  return every(5000, async () => {
    try {
      const apis = await getJson('/_platform/console/api');
      body.replaceChildren(...(apis.length ? apis.map(card) : [empty('The stack has no API.')]));
    } catch (error) {
      body.replaceChildren(failure(error));
    }
  });
}

function card(api) {
  return h('section', {class: 'card', dataset: {api: api.logicalId}},
    h('h3', {}, api.name, h('span', {class: 'muted'}, ` stage ${api.stage}`)),
    h('p', {}, 'Served at ', api.url ? h('a', {class: 'mono', href: api.url}, api.url) : h('em', {}, 'not started')),
    h('h4', {}, 'Routes'),
    table(['Method', 'Path', 'Function', 'API key'], api.routes.map((route) => h('tr', {},
      h('td', {class: 'mono'}, route.method), h('td', {class: 'mono'}, route.path),
      h('td', {}, route.function ?? ''), h('td', {}, route.apiKeyRequired ? 'required' : 'no'))), {class: 'routes'}),
    h('h4', {}, 'Usage plans'),
    api.usagePlans.length ? table(['Plan', 'Throttle', 'Quota'], api.usagePlans.map((plan) => h('tr', {},
      h('td', {}, plan.name ?? plan.id),
      h('td', {}, plan.throttle ? `${plan.throttle.rateLimit} requests/s, burst ${plan.throttle.burstLimit}` : 'none'),
      h('td', {}, plan.quota ? `${plan.quota.limit} a ${plan.quota.period.toLowerCase()}` : 'none'))), {class: 'plans'})
      : empty('No usage plan: keys are checked, nothing is throttled or counted.'),
    h('h4', {}, 'Keys'),
    api.keys.length ? table(['Key', 'Value', 'State', 'Plan', 'Used this period'], api.keys.map((key) => h('tr', {dataset: {keyId: key.id}},
      h('td', {}, key.name),
      h('td', {class: 'mono key-value'}, key.value ?? '(only its hash is stored)'),
      h('td', {}, key.enabled ? 'enabled' : 'disabled'),
      h('td', {}, key.usagePlanId ?? ''),
      h('td', {class: 'usage'}, key.usage ? usage(key.usage) : 'not counted'))), {class: 'keys'}) : empty('No key.'));
}

function usage(quota) {
  const percent = quota.limit ? Math.min(100, (100 * quota.used) / quota.limit) : 0;
  return h('div', {title: `period ${time(quota.periodStart)} to ${time(quota.periodEnd)}`},
    h('div', {class: 'meter'}, h('div', {class: 'fill', style: `width: ${percent.toFixed(1)}%`})),
    h('span', {class: 'used', dataset: {used: quota.used}}, `${quota.used} of ${quota.limit} this ${quota.period.toLowerCase()}`),
    h('span', {class: 'muted'}, ` (${quota.remaining} left)`));
}
