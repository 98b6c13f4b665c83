// 已办: a button in Tasklist's header that opens what the person has handed in and what they have reviewed
// (issue #16: a submission is confirmed and can be found again). Each row: the notice, the unit, the version, its
// status in Chinese, who handed it in and when, who reviewed it, when and with what comment. Reads duban's
// /api/my/done with the Tasklist session. Plain DOM, no inline handlers (the webapps' Content-Security-Policy).

const STYLE = `
#duban-done-open { cursor: pointer; }
#duban-done { position: fixed; inset: 0; z-index: 2000; background: rgba(0,0,0,.35); display: flex; align-items: flex-start; justify-content: center; }
#duban-done .box { background: #fff; margin-top: 60px; width: min(1100px, 96vw); max-height: calc(100vh - 80px); overflow: auto;
  padding: 12px 16px 16px; border-radius: 4px; box-shadow: 0 4px 18px rgba(0,0,0,.25); font-size: 14px; }
#duban-done h3 { margin: 4px 0 10px; font-size: 18px; }
#duban-done h4 { margin: 14px 0 6px; font-size: 15px; }
#duban-done table { border-collapse: collapse; width: 100%; }
#duban-done th, #duban-done td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
#duban-done th { background: #f3f3f3; white-space: nowrap; }
#duban-done .muted { color: #666; }
#duban-done .close { float: right; font-size: 22px; line-height: 1; border: 0; background: none; cursor: pointer; }
#duban-done .st-APPROVED { color: #2e7d32; font-weight: bold; }
#duban-done .st-RETURNED, #duban-done .st-HEAD_RETURNED { color: #b71c1c; font-weight: bold; }
@media (max-width: 700px) {
  #duban-done .box { margin-top: 0; width: 100vw; max-height: 100vh; border-radius: 0; }
  #duban-done thead { display: none; }
  #duban-done tr { display: block; border: 1px solid #ddd; margin-bottom: 8px; }
  #duban-done td { display: block; border: 0; padding: 2px 8px; }
  #duban-done td[data-label]::before { content: attr(data-label) "："; color: #666; }
}
`;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === null || v === undefined) return;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
    else e.setAttribute(k, v);
  });
  children.flat().forEach(c => {
    if (c === null || c === undefined) return;
    e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  });
  return e;
}

function when(value) {
  return value ? String(value).replace('T', ' ').substring(0, 16) : '';
}

function shortTitle(title) {
  return (title || '').replace(/^关于(印发)?/, '').replace(/的通知$/, '');
}

function table(entries, reviewed) {
  const head = ['通知', '单位', '版本', '状态', '报送', reviewed ? '我的审核' : '审核', '意见'];
  return el('table', { class: reviewed ? 'duban-done-reviewed' : 'duban-done-handed-in' },
    el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))),
    el('tbody', {}, entries.map(e => el('tr', {},
      el('td', { 'data-label': '通知' }, shortTitle(e.noticeTitle)),
      el('td', { 'data-label': '单位' }, e.unitName),
      el('td', { 'data-label': '版本' }, '第 ' + e.version + ' 版'),
      el('td', { 'data-label': '状态', class: 'st-' + e.status }, e.statusLabel),
      el('td', { 'data-label': '报送' }, when(e.submittedAt) + ' ' + (e.submittedByName || '')),
      el('td', { 'data-label': '审核' }, e.reviewedAt ? when(e.reviewedAt) + ' ' + (e.reviewedByName || '') : '待审核'),
      el('td', { 'data-label': '意见' }, e.reviewComment || '')))));
}

function close() {
  const o = document.getElementById('duban-done');
  if (o) o.remove();
}

async function open() {
  close();
  const box = el('div', { class: 'box', role: 'dialog', 'aria-label': '已办' },
    el('button', { class: 'close', type: 'button', title: '关闭', onclick: close }, '×'),
    el('h3', {}, '已办'), el('p', { class: 'muted' }, '正在读取……'));
  const overlay = el('div', { id: 'duban-done', onclick: ev => { if (ev.target === overlay) close(); } }, box);
  document.body.appendChild(overlay);
  try {
    const r = await fetch('/api/my/done', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(body.message || '已办列表暂时无法读取，请稍后再试');
    box.lastChild.remove();
    box.appendChild(el('h4', {}, '本单位报送的（' + body.handedIn.length + '）'));
    box.appendChild(body.handedIn.length ? table(body.handedIn, false) : el('p', { class: 'muted' }, '还没有报送记录。'));
    if (body.reviewed.length) {
      box.appendChild(el('h4', {}, '我审核的（' + body.reviewed.length + '）'));
      box.appendChild(table(body.reviewed, true));
    }
    box.setAttribute('data-loaded', 'true');
  } catch (e) {
    box.lastChild.textContent = e.message;
    box.lastChild.className = 'muted';
  }
}

let styled = false;

export default {
  id: 'duban.done',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: node => {
    if (!styled) {
      const style = document.createElement('style');
      style.textContent = STYLE;
      document.head.appendChild(style);
      styled = true;
      document.addEventListener('keydown', ev => { if (ev.key === 'Escape') close(); });
    }
    node.appendChild(el('a', { id: 'duban-done-open', role: 'button', tabindex: '0', title: '我报送和审核过的报送',
      onclick: open, onkeydown: ev => { if (ev.key === 'Enter') open(); } }, el('span', { class: 'glyphicon glyphicon-check' }), ' 已办'));
  }
};
