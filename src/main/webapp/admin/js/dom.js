// Every value reaches the page as text: elements are built here, never from HTML strings.

let ids = 0;

/** An element; strings and numbers among the children become text nodes. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'href' && !String(value).startsWith('#')) {
      throw new Error('the console links only to its own screens');
    } else if (key === 'style' || key === 'srcdoc') {
      throw new Error(key + ' is not used here');
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A labelled control: the label names the input for screen readers and for clicks. */
export function field(labelText, input) {
  if (!input.id) input.id = 'field-' + (++ids);
  return h('div', { class: 'field' }, h('label', { for: input.id }, labelText), input);
}

export function input(props = {}) {
  return h('input', { type: 'text', ...props });
}

export function button(text, onclick, props = {}) {
  return h('button', { type: 'button', onclick, ...props }, text);
}

/** A link to a console screen: #/path/segments?query, each part encoded. */
export function link(text, segments, query = {}) {
  return h('a', { href: route(segments, query) }, text);
}

export function route(segments, query = {}) {
  const path = segments.map(encodeURIComponent).join('/');
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const text = search.toString();
  return '#/' + path + (text ? '?' + text : '');
}

/** A table that scrolls sideways on a narrow window instead of widening the page. */
export function table(caption, headings, rows, empty = 'None.') {
  if (rows.length === 0) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'table', role: 'region', 'aria-label': caption, tabindex: 0 },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))))));
}

/** Name/value pairs. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
}

export function time(iso) {
  if (!iso) return '—';
  return h('time', { datetime: iso }, iso.replace('T', ' ').replace(/\.\d+/, '').replace('Z', ' UTC'));
}

export function section(title, ...children) {
  return h('section', { class: 'panel' }, h('h2', {}, title), ...children);
}

/**
 * A modal question that names what it is about; resolves true only for the confirming button. Cancel has the focus,
 * so Enter or Escape never destroys anything by accident.
 */
export function confirmAction(question, confirmLabel) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', 'aria-label': confirmLabel });
    const close = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    dialog.append(
      h('p', {}, question),
      h('div', { class: 'actions' },
        button('Cancel', () => close(false), { autofocus: true }),
        button(confirmLabel, () => close(true), { class: 'danger' })));
    dialog.addEventListener('cancel', () => close(false));
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A short message for screen readers and eyes, after an action. */
export function announce(message) {
  document.getElementById('status').textContent = message;
}

let renderer = () => {};

export function onRerender(handler) {
  renderer = handler;
}

/** Shows the current screen again, with fresh data. */
export function rerender() {
  return renderer();
}

/**
 * Runs an action from a button or form: announces what happened, or the API's refusal; then shows the screen again.
 */
export async function act(action, done) {
  try {
    await action();
    await rerender();
    announce(done);
  } catch (refused) {
    announce('Not done: ' + refused.message + '.');
  }
}
