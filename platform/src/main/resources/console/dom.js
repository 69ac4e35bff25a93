// Small helpers shared by the views: elements built from data (text only, never HTML), JSON over fetch.

/** An element: h('td', {class: 'x', onclick: fn}, 'text', otherElement). Strings become text nodes. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export async function getJson(url) {
  const response = await fetch(url, {headers: {accept: 'application/json'}});
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function postJson(url, body) {
  const response = await fetch(url, {method: 'POST', headers: {'content-type': 'application/json'},
    body: JSON.stringify(body ?? {})});
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** 2026-11-24 08:15:02.123 in the browser's time zone: the platform stores UTC, people read local time. */
export function time(value) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value ?? '');
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} `
    + `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

export function millis(value) {
  return value === null || value === undefined ? '' : `${value} ms`;
}

/** A status word as a coloured badge; SUCCESS green, the function's faults orange, the platform's red. */
export function badge(status) {
  const kind = status === 'SUCCESS' ? 'ok'
    : ['FUNCTION_ERROR', 'INIT_ERROR', 'TIMEOUT', 'CRASHED'].includes(status) ? 'warn' : 'bad';
  return h('span', {class: `badge ${kind}`, 'data-status': status}, status);
}

export function table(headings, rows, attributes = {}) {
  return h('table', attributes,
    h('thead', {}, h('tr', {}, headings.map((heading) => h('th', {}, heading)))),
    h('tbody', {}, rows));
}

export function empty(text) {
  return h('p', {class: 'empty'}, text);
}

export function failure(error) {
  return h('p', {class: 'error', role: 'alert'}, `Could not load: ${error.message}`);
}
