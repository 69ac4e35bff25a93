// The console's router: #/view/argument?query picks a view; each view refreshes itself until the next one.
import {getJson} from './dom.js';
import * as functions from './functions.js';
import * as activations from './activations.js';
import * as topics from './topics.js';
import * as sms from './sms.js';
import * as api from './api.js';

const views = {functions, activations, topics, sms, api};
let stopCurrent = () => {};

function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = hash.split('?');
  const [name, ...rest] = path.split('/');
  const view = views[name] ? name : 'functions';
  return {view, argument: rest.length ? decodeURIComponent(rest.join('/')) : null, query: new URLSearchParams(query)};
}

function show() {
  stopCurrent();
  const current = route();
  for (const link of document.querySelectorAll('nav a')) {
    link.classList.toggle('active', link.dataset.view === current.view);
  }
  const main = document.getElementById('view');
  main.replaceChildren();
  main.dataset.view = current.view;
  stopCurrent = views[current.view].mount(main, current.argument, current.query) ?? (() => {});
}

async function health() {
  const element = document.getElementById('health');
  try {
    const status = await getJson('/_platform/health');
    element.textContent = `database ${status.database}`;
    element.className = 'health up';
  } catch (error) {
    element.textContent = 'database DOWN';
    element.className = 'health down';
  }
}

window.addEventListener('hashchange', show);
show();
health();
setInterval(health, 10_000);
