// What duban's pieces in Tasklist, Cockpit and Admin share (served at /camunda/app/duban/dom.js, imported by each
// app's duban/*.js): building DOM without inline handlers (the webapps' Content-Security-Policy forbids them),
// showing server times, and calling duban's API with the session and the CSRF token.

/** An element with attributes (on… become listeners, style and class are set as such) and children (text or nodes). */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === null || v === undefined) return;
    if (k === 'style') e.style.cssText = v;
    else if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
    else e.setAttribute(k, v);
  });
  children.flat().forEach(c => {
    if (c === null || c === undefined) return;
    e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  });
  return e;
}

/** Server times are China time (Asia/Shanghai) without offset: shown as YYYY-MM-DD HH:mm. */
export function when(value) {
  return value ? String(value).replace('T', ' ').substring(0, 16) : '';
}

/** The webapps' CSRF token, as Angular sends it: the XSRF-TOKEN cookie back as a header. */
export function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

/** Calls duban's API; a refusal throws its Chinese message, anything else the given one with the HTTP status. */
export async function api(method, path, failure) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  const response = await fetch(path, { method, credentials: 'same-origin', headers });
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    throw new Error((body && body.message) || (failure + '（HTTP ' + response.status + '）'));
  }
  return body;
}
