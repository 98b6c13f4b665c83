// 运维告警 on Cockpit's start page (the cockpit.dashboard plugin point, above the engine's own panels): the alerts
// duban has open — mail not going out, a distribution or a daily reminder check that failed, storage running full —
// each as the operators' mail said it, and those resolved in the last week. Operators and administrators only: the
// section starts on 督办看板 (dashboard.js) and /api/ops/alerts answers anyone else 403. Read once per visit of the
// start page; the check behind it runs every minute on the server (ops.Alerts).

import { el, when, api } from '../../duban/dom.js';

const STYLE = `
.duban-alerts { margin: 0 0 16px; font-size: 14px; }
.duban-alerts h3 { font-size: 16px; margin: 0 0 8px; }
.duban-alerts .ok { color: #2e7d32; }
.duban-alerts .alert-item { border-left: 4px solid #c62828; background: #fdecea; padding: 8px 12px; margin: 0 0 8px; }
.duban-alerts .alert-item .title { font-weight: bold; }
.duban-alerts .alert-item .meta { color: #666; font-size: 12px; }
.duban-alerts .resolved { color: #666; }
.duban-alerts .resolved li { margin: 2px 0; }
`;

function item(a) {
  return el('div', { class: 'alert-item' },
    el('div', { class: 'title' }, a.title),
    el('div', { class: 'meta' }, a.kindLabel + ' · ' + when(a.openedAt) + ' 起'),
    el('div', {}, a.detail));
}

async function render(node) {
  node.innerHTML = '';
  if (!document.getElementById('duban-alerts-style')) {
    document.head.appendChild(el('style', { id: 'duban-alerts-style' }, STYLE));
  }
  const box = el('div', { class: 'duban-alerts' }, el('h3', {}, '运维告警'));
  node.appendChild(box);
  let panel;
  try {
    panel = await api('GET', '/api/ops/alerts', '运维告警读取失败');
  } catch (e) {
    // not an operator (the section is sent on to 督办看板): nothing to show here
    node.innerHTML = '';
    return;
  }
  if (panel.open.length === 0) {
    box.appendChild(el('p', { class: 'ok' }, '当前没有告警：邮件正常发出，分发与每日催报检查没有故障，存储空间充足。'));
  } else {
    panel.open.forEach(a => box.appendChild(item(a)));
  }
  if (panel.resolved.length > 0) {
    box.appendChild(el('div', { class: 'resolved' }, '最近一周已解除：',
      el('ul', {}, panel.resolved.map(a => el('li', {}, a.title + '（' + when(a.openedAt) + ' 至 ' + when(a.resolvedAt) + '）')))));
  }
}

export default [
  {
    id: 'duban.alerts',
    pluginPoint: 'cockpit.dashboard',
    priority: 2000,
    render: node => { render(node); }
  }
];
