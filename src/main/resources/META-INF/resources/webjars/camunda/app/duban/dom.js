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
  children.flat(Infinity).forEach(c => {
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

/**
 * Calls duban's API, with a body (an object goes as JSON, FormData as it is). A refusal throws its Chinese message,
 * with the refusal's fieldErrors and problems on the error; anything else the given message with the HTTP status.
 */
export async function api(method, path, failure, payload) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  let body;
  if (payload instanceof FormData) {
    body = payload;
  } else if (payload !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(payload);
  }
  let response;
  try {
    response = await fetch(path, { method, credentials: 'same-origin', headers, body });
  } catch (e) {
    throw new Error('网络中断，请检查网络后重试');
  }
  let answer = null;
  try { answer = await response.json(); } catch (e) { answer = null; }
  if (!response.ok) {
    const error = new Error((answer && answer.message) || (failure + '（HTTP ' + response.status + '）'));
    error.fieldErrors = (answer && answer.fieldErrors) || {};
    error.problems = (answer && answer.problems) || [];
    throw error;
  }
  return answer;
}
