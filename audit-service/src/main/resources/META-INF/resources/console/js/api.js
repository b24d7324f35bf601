// The audit API with the signed-in person's bearer token. Problem answers (RFC 9457) become ApiErrors that carry
// the service's own explanation, which the console shows as it is.
import { accessToken, expire } from './auth.js';

const BASE = '/api/v1';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function send(path, options = {}) {
  const response = await fetch(`${BASE}${path}`, {
    ...options,
    headers: { Accept: 'application/json', ...options.headers, Authorization: `Bearer ${accessToken()}` },
  });
  if (response.status === 401) {
    expire();
    throw new ApiError(401, { detail: 'signed out' });
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem);
  }
  return response;
}

function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function get(path, parameters = {}) {
  return (await send(`${path}${query(parameters)}`)).json();
}

export async function post(path, body) {
  return (await send(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
}

/** Fetches the CSV export with the token and hands it to the browser as a download. */
export async function downloadCsv(path, parameters, fileName) {
  const blob = await (await send(`${path}${query(parameters)}`, { headers: { Accept: 'text/csv' } })).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Runs at most `width` requests at once, so 22 scorecards do not queue up behind each other in the browser. */
export async function inBatches(items, width, task) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

let registry = null;

/** The crossings registry, asked once per page load: it changes by administrator's edit, not by the minute. */
export function crossings() {
  registry ??= get('/crossings').catch((e) => {
    registry = null;
    throw e;
  });
  return registry;
}
