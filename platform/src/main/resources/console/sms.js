// The SMS outbox of the local carrier, as a phone shows it: one conversation per number.
import {empty, failure, getJson, h, time} from './dom.js';
import {every} from './refresh.js';

export function mount(main, phoneNumber) {
  const numbers = h('ul', {id: 'sms-numbers', class: 'numbers'});
  const phone = h('div', {id: 'sms-phone', class: 'phone'});
  main.append(h('h2', {}, 'SMS outbox'),
    h('p', {class: 'hint'}, 'What the local carrier received: every SMS the functions sent through SNS, by phone number.'),
    h('div', {class: 'sms'}, numbers, phone));
  return every(3000, async () => {
    try {
      const messages = await getJson('/_platform/sms');
      const byNumber = new Map();
      for (const message of messages) {
        if (!byNumber.has(message.phoneNumber)) byNumber.set(message.phoneNumber, []);
        byNumber.get(message.phoneNumber).push(message);
      }
      if (!byNumber.size) {
        numbers.replaceChildren();
        phone.replaceChildren(empty('No SMS sent yet.'));
        return;
      }
      const selected = byNumber.has(phoneNumber) ? phoneNumber : null;
      numbers.replaceChildren(...[...byNumber].map(([number, list]) => h('li', {
        class: number === selected ? 'selected' : '', dataset: {phoneNumber: number},
      }, h('a', {href: `#/sms/${encodeURIComponent(number)}`}, h('strong', {}, number),
        h('span', {class: 'muted'}, ` ${list.length} message${list.length === 1 ? '' : 's'}`),
        h('div', {class: 'preview'}, list[list.length - 1].message)))));
      phone.replaceChildren(selected ? conversation(selected, byNumber.get(selected))
        : empty('Pick a number to read its messages.'));
    } catch (error) {
      phone.replaceChildren(failure(error));
    }
  });
}

function conversation(number, messages) {
  return h('div', {class: 'conversation', dataset: {phoneNumber: number}},
    h('div', {class: 'phone-header'}, number),
    messages.map((message) => h('div', {class: 'bubble', dataset: {messageId: message.messageId}},
      h('div', {class: 'text'}, message.message),
      h('div', {class: 'meta'}, meta(message)))));
}

/** When, from whom, and how the carrier cut it: parts are what the phone's bill counts. */
function meta(message) {
  const parts = Array.isArray(message.parts) ? message.parts.length : message.parts;
  return [time(message.timestamp), message.senderId ? `from ${message.senderId}` : null, message.smsType,
    `${parts} part${parts === 1 ? '' : 's'}, ${message.encoding}`].filter(Boolean).join(' · ');
}
