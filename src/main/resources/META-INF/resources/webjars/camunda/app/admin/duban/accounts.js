// 登录锁定与账号变更: an Admin dashboard section (Camunda 7.15+ plugin API) for administrators and operators.
// It lists the logins locked right now (an account from one address after five wrong passwords from there, an
// address after twenty),
// each with when it lifts by itself and a button to lift it early, and the latest account changes (roles
// granted or taken, passwords set, accounts created or deleted, locks lifted). It reads duban's
// /api/admin/lockouts and /api/admin/account-changes; anyone else gets the API's Chinese refusal.
// Plain DOM, no inline handlers (the webapps' Content-Security-Policy forbids them).

import { el, when, api } from '../../duban/dom.js';

const API = '/api/admin';

const ACTIONS = {
  CREATE_USER: '新建账号',
  UPDATE_NAME: '修改姓名',
  CHANGE_MAILBOX: '修改邮箱',
  SET_PASSWORD: '设置密码',
  DELETE_USER: '删除账号',
  GRANT_ROLE: '授予角色',
  REVOKE_ROLE: '收回角色',
  SAVE_GROUP: '保存用户组',
  DELETE_GROUP: '删除用户组',
  UNLOCK: '解除登录锁定'
};

const STYLE = `
.duban-accounts { font-size: 14px; }
.duban-accounts table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; background: #fff; }
.duban-accounts th, .duban-accounts td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; }
.duban-accounts th { background: #f3f3f3; }
.duban-accounts .muted { color: #666; }
.duban-accounts .error { color: #b71c1c; background: #fdecea; padding: 8px; border-radius: 4px; }
.duban-accounts h4 { margin: 10px 0 4px; font-size: 15px; }
`;

/** An account as the page shows it: its login id, which an administrator works with, and the person's name. */
function account(id, name) {
  if (!id) return '';
  return name ? id + '（' + name + '）' : id;
}

function call(method, path) {
  return api(method, API + path, '读取失败，请刷新页面后重试');
}

async function render(root) {
  root.innerHTML = '';
  root.appendChild(el('style', {}, STYLE));
  const box = el('div', { class: 'duban-accounts', id: 'duban-accounts' });
  root.appendChild(box);
  let lockouts;
  let changes;
  try {
    [lockouts, changes] = await Promise.all([call('GET', '/lockouts'), call('GET', '/account-changes?size=20')]);
  } catch (e) {
    box.appendChild(el('div', { class: 'error' }, e.message));
    return;
  }

  box.appendChild(el('h4', {}, '当前登录锁定'));
  if (!lockouts.length) {
    box.appendChild(el('p', { class: 'muted' }, '没有被锁定的账号或网络地址。'));
  } else {
    box.appendChild(el('table', { id: 'duban-lockouts' },
      el('thead', {}, el('tr', {}, ['对象', '失败次数', '最近一次失败', '自动解除时间', ''].map(h => el('th', {}, h)))),
      el('tbody', {}, lockouts.map(l => el('tr', {},
        el('td', {}, l.kind + ' ' + account(l.subject, l.name) + (l.kind === '账号' ? '，从 ' + l.address + ' 登录' : '')),
        el('td', {}, l.failures),
        el('td', {}, when(l.lastFailureAt)),
        el('td', {}, when(l.lockedUntil)),
        el('td', {}, el('button', {
          class: 'btn btn-default btn-sm',
          onclick: async ev => {
            ev.target.disabled = true;
            try {
              await call('DELETE', '/lockouts?key=' + encodeURIComponent(l.key));
              await render(root);
            } catch (e) {
              ev.target.disabled = false;
              box.insertBefore(el('div', { class: 'error' }, e.message), box.firstChild);
            }
          }
        }, '提前解除')))))));
  }

  box.appendChild(el('h4', {}, '最近的账号变更'));
  if (!changes.changes.length) {
    box.appendChild(el('p', { class: 'muted' }, '还没有账号变更记录。'));
    return;
  }
  box.appendChild(el('table', { id: 'duban-account-changes' },
    el('thead', {}, el('tr', {}, ['时间', '操作人', '操作', '账号', '角色/用户组', '说明'].map(h => el('th', {}, h)))),
    el('tbody', {}, changes.changes.map(c => el('tr', {},
      el('td', {}, when(c.changedAt)),
      el('td', {}, account(c.changedBy, c.changedByName)),
      el('td', {}, ACTIONS[c.action] || c.action),
      el('td', {}, account(c.targetUser, c.targetUserName)),
      el('td', {}, c.targetGroup || ''),
      el('td', {}, c.detail || ''))))));
  if (changes.total > changes.changes.length) {
    box.appendChild(el('p', { class: 'muted' }, '共 ' + changes.total + ' 条，此处显示最近 ' + changes.changes.length + ' 条。'));
  }
}

export default {
  id: 'duban.accounts',
  pluginPoint: 'admin.dashboard.section',
  priority: 10,
  properties: {
    label: '登录锁定与账号变更'
  },
  render: node => {
    render(node);
  }
};
