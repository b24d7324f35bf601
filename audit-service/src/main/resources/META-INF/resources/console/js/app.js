// The console's frame: sign-in state, language and direction, and the hash routes that pick a view.
//   #/revenue  #/crossings  #/crossings/{code}  #/discrepancies  #/discrepancies/{id}
import * as auth from './auth.js';
import { ApiError } from './api.js';
import { disposeAll } from './charts.js';
import { h, replace } from './dom.js';
import { currentLanguage, setLanguage, t } from './i18n.js';
import { revenueView } from './revenue.js';
import { crossingsView, scorecardView } from './crossings.js';
import { casesView } from './cases.js';
import { caseView } from './case.js';

const main = document.getElementById('main');
let person = null;
let renders = 0;

function route() {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { segments: segments.length ? segments : ['revenue'], params: new URLSearchParams(query) };
}

function viewOf(current) {
  const [section, id] = current.segments;
  if (section === 'crossings') {
    return id ? scorecardView : crossingsView;
  }
  if (section === 'discrepancies') {
    return id ? caseView : casesView;
  }
  return revenueView;
}

async function render() {
  if (!person?.admitted) {
    return;
  }
  const current = route();
  const ticket = ++renders;
  disposeAll();
  const view = h('div', { className: 'view' });
  replace(main, h('p', { className: 'loading', role: 'status' }, t('app.loading')), view);
  main.setAttribute('aria-busy', 'true');
  document.querySelectorAll('#sections a').forEach((link) => {
    if (link.dataset.route === current.segments[0]) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
  try {
    await viewOf(current)(view, current);
  } catch (e) {
    if (ticket === renders && person) {
      replace(view, failure(e));
    }
  }
  if (ticket !== renders) {
    return;
  }
  main.querySelector('.loading')?.remove();
  main.removeAttribute('aria-busy');
  const heading = view.querySelector('h1');
  if (heading) {
    document.title = `${heading.textContent} — ${t('app.title')}`;
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

function failure(error) {
  let message = error.message;
  if (error instanceof ApiError && error.status === 403) {
    message = t('error.forbidden');
  } else if (error instanceof ApiError && error.status === 404) {
    message = `${t('error.notFound')} ${error.message}`;
  }
  return h('section', { className: 'failure', role: 'alert' },
    h('h1', {}, t('error.title')),
    h('p', {}, message),
    h('button', { type: 'button', onclick: render }, t('error.retry')));
}

function landing(message) {
  disposeAll();
  replace(main, h('section', { className: 'landing' },
    h('h1', {}, t('signIn.title')),
    h('p', { className: 'lead' }, t('signIn.lead')),
    message ? h('p', { className: 'error-text', role: 'alert' }, message) : null,
    h('button', { type: 'button', id: 'sign-in', className: 'primary-large', onclick: () => auth.signIn(location.hash || '#/revenue', currentLanguage()) },
      t('signIn.button')),
    h('p', { className: 'hint' }, t('signIn.how'))));
  document.title = t('app.title');
}

function noAccess() {
  replace(main, h('section', { className: 'landing', role: 'alert' },
    h('h1', {}, t('signIn.title')),
    h('p', { className: 'error-text', id: 'no-access' }, t('signIn.noAccess', { name: person.username }))));
}

/** The header: who is signed in, the sections (for admitted people only) and the sign-out button. */
function frame() {
  document.getElementById('sections').hidden = !person?.admitted;
  const userLine = document.getElementById('user');
  userLine.hidden = !person;
  userLine.textContent = person ? t('app.signedInAs', { name: person.name }) : '';
  document.getElementById('sign-out').hidden = !person;
}

function applyLanguage() {
  const language = currentLanguage();
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
  document.querySelectorAll('[data-i18n]').forEach((element) => { element.textContent = t(element.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach((element) => element.setAttribute('aria-label', t(element.dataset.i18nLabel)));
  const toggle = document.getElementById('language');
  toggle.textContent = t('app.language');
  toggle.lang = language === 'ar' ? 'en' : 'ar';
  frame();
}

function show() {
  frame();
  if (!person) {
    landing();
  } else if (!person.admitted) {
    noAccess();
  } else {
    render();
  }
}

async function start() {
  document.getElementById('language').addEventListener('click', () => {
    setLanguage(currentLanguage() === 'ar' ? 'en' : 'ar');
    applyLanguage();
    show();
  });
  document.getElementById('sign-out').addEventListener('click', () => auth.signOut());
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  window.addEventListener('hashchange', render);
  applyLanguage();
  try {
    await auth.configure(() => {
      person = null;
      frame();
      landing(t('signIn.expired'));
    });
  } catch (e) {
    landing(t('signIn.unavailable', { reason: e.message }));
    return;
  }
  try {
    person = await auth.resume();
  } catch (e) {
    if (!e.silent) {
      landing(t('signIn.failed', { reason: e.message }));
      return;
    }
  }
  if (!person && auth.wasSignedIn()) {
    // A reload while the Keycloak session lasts: sign in again without showing the form.
    await auth.signIn(location.hash || '#/revenue', currentLanguage(), true);
    return;
  }
  show();
}

start();
