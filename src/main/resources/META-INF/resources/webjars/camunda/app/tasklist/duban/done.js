// Two buttons in Tasklist's header (issue #16), each opening a panel over the page:
// - 已办: what the person has handed in and what they have reviewed (a submission is confirmed and can be found
//   again); for the section also the notices they drafted, the 核稿 and 签发 they decided and the 督办通报 they sent,
//   checked or signed (issue 30 §9). Each row: the notice, the unit, the version, its status in Chinese, who handed it in and when, who
//   reviewed it, when and with what comment. Reads /api/my/done.
// - 邮件: the mails duban addressed to the person, as written (in the demo nobody can open the SMTP server's
//   mailboxes). Reads /api/my/mail.
// Both with the Tasklist session. Plain DOM, no inline handlers (the webapps' Content-Security-Policy).

import { el, when, api } from '../../duban/dom.js';

const STYLE = `
#duban-done-open, #duban-mail-open { cursor: pointer; }
#duban-done .mail { border: 1px solid #ddd; border-radius: 3px; margin-bottom: 8px; }
#duban-done .mail summary { padding: 6px 8px; cursor: pointer; display: list-item; }
#duban-done .mail pre { white-space: pre-wrap; font-family: inherit; margin: 0; padding: 8px; border: 0; border-top: 1px solid #eee; background: #fafafa; }
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

/** Opens the panel with a title; fills it with what load() returns (or says why it could not). */
async function panel(title, load) {
  close();
  const box = el('div', { class: 'box', role: 'dialog', 'aria-label': title },
    el('button', { class: 'close', type: 'button', title: '关闭', onclick: close }, '×'),
    el('h3', {}, title), el('p', { class: 'muted' }, '正在读取……'));
  const overlay = el('div', { id: 'duban-done', onclick: ev => { if (ev.target === overlay) close(); } }, box);
  document.body.appendChild(overlay);
  try {
    const parts = await load();
    box.lastChild.remove();
    parts.forEach(p => box.appendChild(p));
    box.setAttribute('data-loaded', 'true');
  } catch (e) {
    box.lastChild.textContent = e.message;
    box.lastChild.className = 'muted';
  }
}

function read(path, failure) {
  return api('GET', path, failure);
}

/** A list as rows of cells, each cell labelled for the phone's cards. */
function rows(cls, head, entries, cells) {
  return el('table', { class: cls },
    el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))),
    el('tbody', {}, entries.map(e => el('tr', {}, cells(e).map((c, i) => el('td', { 'data-label': head[i] }, c))))));
}

function verdict(approved) {
  return el('span', { class: approved ? 'st-APPROVED' : 'st-RETURNED' }, approved ? '通过' : '退回');
}

function open() {
  return panel('已办', async () => {
    // what a unit handed in and what was reviewed; for the section also the notices drafted, the 核稿 and 签发
    // decided and the 督办通报 sent, checked or signed (a unit's people have none of these)
    const [body, notices, circulars] = await Promise.all([read('/api/my/done', '已办列表暂时无法读取，请稍后再试'),
      read('/api/my/done/notices', '已办列表暂时无法读取，请稍后再试'), read('/api/my/done/circulars', '已办列表暂时无法读取，请稍后再试')]);
    const section = notices.drafted.length || notices.decided.length || circulars.length;
    const parts = [];
    if (body.handedIn.length || !section) {
      parts.push(el('h4', {}, '本单位报送的（' + body.handedIn.length + '）'),
        body.handedIn.length ? table(body.handedIn, false) : el('p', { class: 'muted' }, '还没有报送记录。'));
    }
    if (notices.drafted.length) {
      parts.push(el('h4', {}, '我起草的通知（' + notices.drafted.length + '）'), rows('duban-done-drafted', ['通知', '文号', '送核稿', '现在'],
        notices.drafted, d => [d.title, d.documentNumber || '', when(d.draftedAt), d.statusLabel]));
    }
    if (notices.decided.length) {
      parts.push(el('h4', {}, '我核稿、签发的通知（' + notices.decided.length + '）'), rows('duban-done-decided', ['通知', '环节', '决定', '时间', '意见'],
        notices.decided, d => [d.title, d.stageStep, verdict(d.approved), when(d.decidedAt), d.comment || '']));
    }
    if (circulars.length) {
      parts.push(el('h4', {}, '督办通报（' + circulars.length + '）'), rows('duban-done-circulars', ['通知', '期数', '现在', '送签', '核稿', '签发'],
        circulars, c => [c.campaignTitle, c.issueLabel, c.statusLabel, c.createdBy ? when(c.createdAt) + ' ' + c.createdBy : '',
          c.reviewedBy ? when(c.reviewedAt) + ' ' + c.reviewedBy + ' ' + c.reviewVerdict : '',
          c.signedBy ? when(c.signedAt) + ' ' + c.signedBy + ' ' + c.signVerdict : '']));
    }
    if (body.reviewed.length) {
      parts.push(el('h4', {}, '我审核的报送（' + body.reviewed.length + '）'), table(body.reviewed, true));
    }
    return parts;
  });
}

function openMail() {
  return panel('邮件', async () => {
    const body = await read('/api/my/mail', '邮件暂时无法读取，请稍后再试');
    if (!body.address) return [el('p', { class: 'muted' }, '您的账号还没有填写邮箱，督办系统不会给您发邮件。请联系管理员在“用户管理”中填写。')];
    return [el('p', { class: 'muted' }, '督办系统发往 ' + body.address + ' 的邮件（最近 ' + body.mails.length + ' 封）：'),
      body.mails.length ? el('div', { class: 'mails' }, body.mails.map(m => el('details', { class: 'mail' },
        el('summary', {}, when(m.sentAt || m.createdAt) + '  [' + m.kindLabel + '] ' + m.subject + (m.statusLabel === '已发送' ? '' : '（' + m.statusLabel + '）')),
        el('pre', {}, m.text))))
        : el('p', { class: 'muted' }, '还没有收到督办系统的邮件。')];
  });
}

let styled = false;

function button(id, icon, label, title, action) {
  return el('a', { id, role: 'button', tabindex: '0', title, onclick: action, onkeydown: ev => { if (ev.key === 'Enter') action(); } },
    el('span', { class: 'glyphicon ' + icon }), ' ' + label);
}

function style() {
  if (styled) return;
  const s = document.createElement('style');
  s.textContent = STYLE;
  document.head.appendChild(s);
  styled = true;
  document.addEventListener('keydown', ev => { if (ev.key === 'Escape') close(); });
}

export default [
  {
    id: 'duban.done',
    pluginPoint: 'tasklist.navbar.action',
    priority: 100,
    render: node => {
      style();
      node.appendChild(button('duban-done-open', 'glyphicon-check', '已办', '我办过的：报送、审核、起草、核稿、签发', open));
    }
  },
  {
    id: 'duban.mail',
    pluginPoint: 'tasklist.navbar.action',
    priority: 90,
    render: node => {
      style();
      node.appendChild(button('duban-mail-open', 'glyphicon-envelope', '邮件', '督办系统发给我的邮件', openMail));
    }
  }
];
