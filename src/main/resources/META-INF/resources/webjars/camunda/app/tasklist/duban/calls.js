// What the task forms ask the server in the background — the rules' verdict as the person types, a draft saved, the
// calendar's word on a date — goes past Tasklist's own HTTP handling: Tasklist turns every failed call of its Angular
// $http into a notification over the page ("通信错误…400…请刷新页面或重新登录"), which a person typing a date must never
// see. A form calls
//   $q.when(window.dubanCall('PUT', url, body))        → resolves {status, data}; rejects {status, data} (data.message)
// and shows a refusal where it belongs (at its field), and
//   window.dubanDay(date)                              → '2026-03-20' for a complete date, '' while it is being typed
// so that only complete dates are checked (a date field being typed holds years 2, 20, 202 on the way to 2026), and
//   $q.when(window.dubanUpload(url, {kind: 'PHOTO'}, file)) → rejects with the Chinese reason to show at the field.
// Loaded with Tasklist (scripts/config.js).

import { csrfToken } from '../../duban/dom.js';

function call(method, url, body, params) {
  const query = params ? Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v)).join('&') : '';
  // as Angular asks: JSON, or what the call answers (the notice's preview is a page)
  const headers = { Accept: 'application/json, text/plain, */*' };
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = csrfToken();
    headers['Content-Type'] = 'application/json';
  }
  return fetch(url + (query ? (url.indexOf('?') < 0 ? '?' : '&') + query : ''), {
    method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body)
  }).then(r => r.text().then(text => {
    let data = text;
    if ((r.headers.get('Content-Type') || '').indexOf('json') >= 0) {
      try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    }
    const answer = { status: r.status, data };
    if (r.ok) return answer;
    throw answer;
  }), () => { throw { status: 0, data: { message: '网络中断，请检查网络后再试；已填写的内容仍在本页' } }; });
}

/** A date field's value as the server reads it, once it is a whole date (a four-digit year); '' before. */
function day(d) {
  if (!(d instanceof Date) || isNaN(d.getTime()) || d.getFullYear() < 1000 || d.getFullYear() > 9999) return '';
  return d.getFullYear() + '-' + ('0' + (d.getMonth() + 1)).slice(-2) + '-' + ('0' + d.getDate()).slice(-2);
}

/** A file's size as people read it: 4 KB, 1.2 MB — never "0.0 MB" for a small file. */
function size(bytes) {
  const n = Number(bytes) || 0;
  if (n < 1024 * 1024) return Math.max(1, Math.round(n / 1024)) + ' KB';
  return (n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0) + ' MB';
}

/**
 * One file sent to duban as a form's upload field sends it (its kind, an item …, and the file), with the session's
 * CSRF token: resolves with the answer; rejects with what to tell the person, in Chinese, at the field (the server's
 * reason, 文件过大, or a network cut) — never Tasklist's error over the page.
 */
function upload(url, fields, file) {
  const data = new FormData();
  Object.entries(fields || {}).forEach(([k, v]) => { if (v !== undefined && v !== null) data.append(k, v); });
  data.append('file', file);
  return fetch(url, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': csrfToken() } })
    .then(r => {
      if (r.ok) return r;
      return r.json().then(b => { throw (b && b.message) || ('文件“' + file.name + '”未能上传'); },
        () => { throw '文件“' + file.name + '”未能上传（' + (r.status === 413 ? '文件过大' : '服务器拒绝') + '）'; });
    }, () => { throw '文件“' + file.name + '”未能上传：网络中断，请检查网络后重新选择文件'; });
}

window.dubanCall = call;
window.dubanUpload = upload;
window.dubanDay = day;
window.dubanSize = size;

export default [];
