// Sign-in at the Commission's Keycloak with the authorization code flow and PKCE (RFC 7636), as the realm's public
// client: no secret in the page. Tokens live in memory only; the session storage holds just the one-time PKCE
// verifier and state while the browser is away at the sign-in page, and a flag that lets a reload sign in again
// silently while the Keycloak session lasts.

const PENDING = 'bcc.console.pending-sign-in';
const SIGNED_IN = 'bcc.console.signed-in';
const REFRESH_MARGIN_SECONDS = 60;

let settings = null;
let provider = null;
let session = null;
let refreshTimer = null;
let onSessionEnd = () => {};

export class SignInError extends Error {
  constructor(reason, silent = false) {
    super(reason);
    this.silent = silent;
  }
}

/** Loads where to sign in (from this service, then the issuer's discovery document). */
export async function configure(sessionEnded) {
  onSessionEnd = sessionEnded;
  settings = await json(await fetch('settings', { headers: { Accept: 'application/json' } }));
  provider = await json(await fetch(`${settings.issuer}/.well-known/openid-configuration`));
}

/** Completes a sign-in if the browser has just come back from the sign-in page; the user, or null. */
export async function resume() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) {
    return null;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  // The code is single-use: take it out of the address bar and history before anything else happens.
  history.replaceState(null, '', location.pathname + (pending?.returnTo || '#/revenue'));
  if (query.has('error')) {
    const silentMiss = pending?.silent && ['login_required', 'interaction_required'].includes(query.get('error'));
    if (silentMiss) {
      sessionStorage.removeItem(SIGNED_IN);
    }
    throw new SignInError(query.get('error_description') || query.get('error'), silentMiss);
  }
  if (!pending || pending.state !== query.get('state')) {
    throw new SignInError('the answer from the sign-in page does not belong to this browser tab');
  }
  const tokens = await tokenRequest({
    grant_type: 'authorization_code',
    code: query.get('code'),
    redirect_uri: redirectUri(),
    client_id: settings.clientId,
    code_verifier: pending.verifier,
  });
  if (claims(tokens.id_token).nonce !== pending.nonce) {
    throw new SignInError('the identity token was not issued for this sign-in');
  }
  start(tokens);
  sessionStorage.setItem(SIGNED_IN, 'true');
  return user();
}

/** Whether this tab was signed in before a reload, so a silent sign-in is worth trying. */
export function wasSignedIn() {
  return sessionStorage.getItem(SIGNED_IN) === 'true';
}

/** Sends the browser to the sign-in page; silent asks Keycloak not to show a form (prompt=none). */
export async function signIn(returnTo, language, silent = false) {
  const verifier = randomText(48);
  const state = randomText(24);
  const nonce = randomText(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce, returnTo, silent }));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const url = new URL(provider.authorization_endpoint);
  const parameters = {
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid',
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ui_locales: language,
  };
  if (silent) {
    parameters.prompt = 'none';
  }
  url.search = new URLSearchParams(parameters).toString();
  location.assign(url.toString());
}

/** Ends the Keycloak session too, so the next person at this laptop must sign in. */
export function signOut() {
  const idToken = session?.idToken;
  stop();
  sessionStorage.removeItem(SIGNED_IN);
  const url = new URL(provider.end_session_endpoint);
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    post_logout_redirect_uri: redirectUri(),
    ...(idToken ? { id_token_hint: idToken } : {}),
  }).toString();
  location.assign(url.toString());
}

export function accessToken() {
  return session?.accessToken ?? null;
}

/** The signed-in person: name, username, roles, and whether the console admits them. */
export function user() {
  if (!session) {
    return null;
  }
  const access = claims(session.accessToken);
  const roles = access.realm_access?.roles ?? [];
  return {
    username: access.preferred_username,
    name: access.name || access.preferred_username,
    roles,
    admitted: settings.roles.some((role) => roles.includes(role)),
    senior: roles.includes('senior-auditor'),
  };
}

/** Forgets the tokens after the API has refused them (401): the console asks the person to sign in again. */
export function expire() {
  stop();
  onSessionEnd();
}

function start(tokens) {
  session = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    idToken: tokens.id_token ?? session?.idToken,
  };
  clearTimeout(refreshTimer);
  const seconds = Math.max(5, (tokens.expires_in ?? 300) - REFRESH_MARGIN_SECONDS);
  refreshTimer = setTimeout(refresh, seconds * 1000);
}

async function refresh() {
  try {
    start(await tokenRequest({ grant_type: 'refresh_token', refresh_token: session.refreshToken, client_id: settings.clientId }));
  } catch (e) {
    expire();
  }
}

function stop() {
  clearTimeout(refreshTimer);
  session = null;
}

async function tokenRequest(form) {
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new SignInError(body.error_description || body.error || `HTTP ${response.status}`);
  }
  return body;
}

async function json(response) {
  if (!response.ok) {
    throw new SignInError(`${response.url} answered ${response.status}`);
  }
  return response.json();
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

/** The claims of a JWT. Not a signature check: the tokens came straight from the issuer over its own connection. */
function claims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(buffer) {
  const bytes = new Uint8Array(buffer);
  let text = '';
  bytes.forEach((b) => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
