// Topics: counts, subscriptions, and the dead letters of each topic with a redrive button.
import {empty, failure, getJson, h, postJson, table, time} from './dom.js';
import {every} from './refresh.js';

export function mount(main) {
  const notice = h('p', {id: 'redrive-result', class: 'notice', role: 'status'});
  const body = h('div', {id: 'topics'});
  main.append(h('h2', {}, 'Topics and subscriptions'), notice, body);
  const load = async () => {
    try {
      const topics = await getJson('/_platform/console/topics');
      const deadLetters = await Promise.all(topics.map((topic) => topic.deadLetters
        ? getJson(`/_platform/topics/${encodeURIComponent(topic.name)}/dead-letters`) : []));
      // Topics with dead letters first: they are what needs a look.
      const cards = topics.map((topic, i) => ({topic, letters: deadLetters[i]}))
        .sort((a, b) => Number(b.letters.length > 0) - Number(a.letters.length > 0));
      body.replaceChildren(...(cards.length ? cards.map(({topic, letters}) => card(topic, letters, redrive))
        : [empty('No topic yet.')]));
    } catch (error) {
      body.replaceChildren(failure(error));
    }
  };
  const redrive = async (topic, deliveryIds) => {
    try {
      const answer = await postJson(`/_platform/topics/${encodeURIComponent(topic)}/dead-letters/redrive`,
        deliveryIds ? {deliveryIds} : {});
      notice.textContent = `${answer.redriven} dead letter${answer.redriven === 1 ? '' : 's'} of ${topic} redriven: `
        + 'they are delivered again from a first attempt.';
      notice.dataset.redriven = answer.redriven;
    } catch (error) {
      notice.textContent = `Redrive failed: ${error.message}`;
    }
    await load();
  };
  return every(3000, load);
}

function card(topic, deadLetters, redrive) {
  return h('section', {class: 'card', dataset: {topic: topic.name}},
    h('h3', {}, topic.name),
    h('p', {class: 'mono muted'}, topic.topicArn),
    h('p', {}, `${topic.subscriptions.length} subscription${topic.subscriptions.length === 1 ? '' : 's'}, `
      + `${topic.pendingDeliveries} deliveries pending, `,
    h('span', {class: topic.deadLetters ? 'errors' : ''}, `${topic.deadLetters} dead letters`)),
    topic.subscriptions.length ? table(['Protocol', 'Endpoint', 'Subscription'], topic.subscriptions.map((s) => h('tr', {},
      h('td', {}, s.protocol), h('td', {class: 'mono'}, s.endpoint),
      h('td', {class: 'mono'}, s.subscriptionArn === 'PendingConfirmation' ? h('em', {}, 'pending confirmation') : s.subscriptionArn))),
    {class: 'subscriptions'}) : null,
    deadLetters.length ? [
      h('h4', {}, 'Dead letters ',
        h('button', {type: 'button', class: 'redrive-all', onclick: () => redrive(topic.name, null)}, `Redrive all ${deadLetters.length}`)),
      table(['Dead since', 'Delivery', 'Endpoint', 'Attempts', 'Last error', 'Target', ''], deadLetters.map((letter) => h('tr', {
        class: 'dead-letter', dataset: {deliveryId: letter.deliveryId},
      },
      h('td', {}, time(letter.deadAt)),
      h('td', {class: 'mono'}, letter.deliveryId),
      h('td', {class: 'mono'}, letter.endpoint),
      h('td', {}, letter.attempts),
      h('td', {class: 'error-text'}, letter.lastError ?? ''),
      h('td', {class: 'mono'}, letter.deadLetterTargetArn ?? ''),
      h('td', {}, h('button', {type: 'button', class: 'redrive', onclick: () => redrive(topic.name, [letter.deliveryId])}, 'Redrive')))),
      {class: 'dead-letters'}),
    ] : null);
}
