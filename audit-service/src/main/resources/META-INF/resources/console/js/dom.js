// Builds the page from data without ever parsing data as HTML: text goes in as text, so a trader's name or a
// reason typed by an auditor cannot inject markup.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'className') {
      element.className = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A labelled field: the label is tied to the control so screen readers and clicks find it. */
export function field(labelText, control, hint) {
  const id = control.id || `field-${Math.random().toString(36).slice(2, 10)}`;
  control.id = id;
  let hintElement = null;
  if (hint) {
    hintElement = h('p', { className: 'hint', id: `${id}-hint` }, hint);
    control.setAttribute('aria-describedby', hintElement.id);
  }
  return h('div', { className: 'field' }, h('label', { for: id }, labelText), hintElement, control);
}

/** A definition list of [term, description] pairs; empty descriptions are left out. */
export function facts(pairs, className = 'facts') {
  return h('dl', { className }, pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))));
}

export function announce(text) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  // A fresh text node after a tick makes screen readers speak the same message twice in a row, too.
  setTimeout(() => { announcer.textContent = text; }, 50);
}
