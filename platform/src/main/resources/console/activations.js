// Activations: the newest records, refreshed every 2 s, filtered by function and status; one record in full.
import {badge, empty, failure, getJson, h, millis, table, time} from './dom.js';
import {every} from './refresh.js';

const STATUSES = ['SUCCESS', 'FUNCTION_ERROR', 'INIT_ERROR', 'TIMEOUT', 'CRASHED', 'THROTTLED', 'PLATFORM_ERROR'];
const LIMIT = 50;

export function mount(main, activationId, query) {
  return activationId ? detail(main, activationId) : list(main, query);
}

function list(main, query) {
  const functionFilter = query.get('function') ?? '';
  const statusFilter = query.get('status') ?? '';
  const functionSelect = h('select', {id: 'filter-function', name: 'function', onchange: () => filter()},
    h('option', {value: ''}, 'every function'));
  const statusSelect = h('select', {id: 'filter-status', name: 'status', onchange: () => filter()},
    h('option', {value: ''}, 'every status'),
    STATUSES.map((status) => h('option', {value: status, selected: status === statusFilter}, status)));
  const live = h('input', {type: 'checkbox', id: 'live', checked: true});
  const updated = h('span', {class: 'muted', id: 'updated'});
  // The filters on the list's element too: a reader (or a test) can tell which list it is looking at.
  const body = h('div', {id: 'activations', dataset: {function: functionFilter, status: statusFilter}});
  const filter = () => {
    const params = new URLSearchParams();
    if (functionSelect.value) params.set('function', functionSelect.value);
    if (statusSelect.value) params.set('status', statusSelect.value);
    location.hash = `#/activations${params.size ? `?${params}` : ''}`;
  };
  main.append(h('h2', {}, 'Activations'),
    h('form', {class: 'filters', onsubmit: (event) => event.preventDefault()},
      h('label', {}, 'Function ', functionSelect), h('label', {}, 'Status ', statusSelect),
      h('label', {}, live, ' live'), updated),
    body);
  getJson('/_platform/console/functions').then((functions) => {
    const names = functions.map((fn) => fn.name);
    if (functionFilter && !names.includes(functionFilter)) names.push(functionFilter);
    functionSelect.append(...names.sort().map((name) => h('option', {value: name, selected: name === functionFilter}, name)));
  }).catch(() => {});

  const params = new URLSearchParams({limit: LIMIT});
  if (functionFilter) params.set('function', functionFilter);
  if (statusFilter) params.set('status', statusFilter);
  let loadedOnce = false;
  return every(2000, async () => {
    if (loadedOnce && !live.checked) return;
    try {
      const activations = await getJson(`/_platform/activations?${params}`);
      loadedOnce = true;
      updated.textContent = `updated ${time(Date.now())}`;
      body.replaceChildren(activations.length ? rows(activations) : empty('No activation matches yet.'));
    } catch (error) {
      body.replaceChildren(failure(error));
    }
  });
}

function rows(activations) {
  return table(['Ended', 'Activation', 'Function', 'Trigger', 'Status', 'Duration', 'Cold start', 'Waited'],
    activations.map((activation) => h('tr', {
      class: 'clickable', dataset: {activationId: activation.activationId, function: activation.name},
      onclick: () => { location.hash = `#/activations/${activation.activationId}`; },
    },
    h('td', {}, time(activation.end)),
    h('td', {class: 'mono'}, h('a', {href: `#/activations/${activation.activationId}`}, activation.activationId)),
    h('td', {class: 'function'}, activation.name),
    h('td', {}, activation.trigger),
    h('td', {}, badge(activation.status)),
    h('td', {}, millis(activation.duration)),
    h('td', {}, activation.initDuration === undefined ? '' : `init ${millis(activation.initDuration)}`),
    h('td', {}, millis(activation.waitTime)))),
    {class: 'activations'});
}

function detail(main, activationId) {
  const body = h('div', {id: 'activation', dataset: {activationId}}, h('p', {class: 'muted'}, 'Loading…'));
  main.append(h('p', {}, h('a', {href: '#/activations'}, '← all activations')), h('h2', {}, 'Activation ', h('span', {class: 'mono'}, activationId)), body);
  getJson(`/_platform/activations/${encodeURIComponent(activationId)}`).then((activation) => {
    body.replaceChildren(
      h('dl', {class: 'fields'},
        field('Function', h('a', {href: `#/activations?function=${encodeURIComponent(activation.name)}`}, activation.name)),
        field('Status', badge(activation.status)),
        field('Trigger', activation.trigger), field('Cause', activation.cause ?? ''),
        field('Started', time(activation.start)), field('Ended', time(activation.end)),
        field('Duration', millis(activation.duration)),
        field('Init duration', activation.initDuration === undefined ? 'warm' : millis(activation.initDuration)),
        field('Waited', millis(activation.waitTime)),
        activation.errorType ? field('Error', `${activation.errorType}: ${activation.errorMessage ?? ''}`) : null),
      h('h3', {}, 'Result'),
      h('pre', {id: 'activation-result', class: 'result'}, activation.response.result === null
        ? '(no result: the handler returned nothing)' : JSON.stringify(activation.response.result, null, 2)),
      h('h3', {}, 'Logs'),
      activation.logs.length ? h('pre', {id: 'activation-logs', class: 'logs'}, activation.logs.join('\n'))
        : h('pre', {id: 'activation-logs', class: 'logs empty'}, '(no output)'));
  }).catch((error) => body.replaceChildren(failure(error)));
  return () => {};
}

function field(name, value) {
  return [h('dt', {}, name), h('dd', {}, value)];
}
