// Functions: each deployed function's configuration, its instances now, and its recent errors.
import {badge, empty, failure, getJson, h, table, time} from './dom.js';
import {every} from './refresh.js';

export function mount(main) {
  const body = h('div', {id: 'functions'});
  main.append(h('h2', {}, 'Functions'),
    h('p', {class: 'hint'}, 'Instances are warm or busy now; errors are among each function\'s last 50 activations.'),
    body);
  return every(5000, async () => {
    try {
      const functions = await getJson('/_platform/console/functions');
      body.replaceChildren(functions.length ? overview(functions) : empty('No function is deployed.'),
        ...functions.map(card));
    } catch (error) {
      body.replaceChildren(failure(error));
    }
  });
}

function overview(functions) {
  return table(['Function', 'Handler', 'Runtime', 'Memory', 'Timeout', 'Concurrency', 'Instances', 'Recent errors'],
    functions.map((fn) => h('tr', {dataset: {function: fn.name}},
      h('td', {}, h('a', {href: `#/activations?function=${encodeURIComponent(fn.name)}`}, fn.name)),
      h('td', {class: 'mono'}, fn.handler),
      h('td', {}, fn.runtime),
      h('td', {}, `${fn.memoryMb} MB`),
      h('td', {}, `${fn.timeoutSeconds} s`),
      h('td', {}, concurrency(fn)),
      h('td', {class: 'instances'}, fn.instances ?? '?'),
      h('td', {class: fn.recentErrorCount ? 'errors' : ''}, `${fn.recentErrorCount} of ${fn.recentActivations}`))),
    {class: 'functions'});
}

function concurrency(fn) {
  const reserved = fn.reservedConcurrency === null ? 'platform limit' : `${fn.reservedConcurrency} reserved`;
  return fn.provisionedConcurrency ? `${reserved}, ${fn.provisionedConcurrency} provisioned` : reserved;
}

function card(fn) {
  const environment = Object.entries(fn.environment);
  return h('section', {class: 'card', dataset: {function: fn.name}},
    h('h3', {}, fn.name, fn.logicalId && fn.logicalId !== fn.name ? h('span', {class: 'muted'}, ` ${fn.logicalId}`) : null),
    h('details', {},
      h('summary', {}, `Environment (${environment.length})`),
      environment.length ? h('dl', {class: 'environment'},
        environment.map(([name, value]) => [h('dt', {}, name), h('dd', {class: 'mono'}, value)])) : empty('None.')),
    fn.recentErrors.length
      ? table(['Ended', 'Activation', 'Status', 'Error'], fn.recentErrors.map((error) => h('tr', {},
        h('td', {}, time(error.end)),
        h('td', {class: 'mono'}, h('a', {href: `#/activations/${error.activationId}`}, error.activationId)),
        h('td', {}, badge(error.status)),
        h('td', {}, [error.errorType, error.errorMessage].filter(Boolean).join(': ')))), {class: 'recent-errors'})
      : h('p', {class: 'ok-text'}, 'No errors in its recent activations.'));
}
