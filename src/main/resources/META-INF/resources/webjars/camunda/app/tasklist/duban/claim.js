// A task one may do and nobody holds is one's own by opening it (issue 30 §6): Tasklist veils a task until 认领 and
// greys 办结 without a word. When a task is opened, duban is asked whose it is (GET /api/tasks/{id}/duty, the rule
// the engine itself applies): a task nobody holds that the person may do is taken with Tasklist's own 认领 (so
// Tasklist knows it at once; a colleague who took it meanwhile is refused in Chinese, 该任务已由…认领); a task a
// colleague holds, or one that is not the person's, says so above the form. Plain DOM, no inline handlers.

import { el } from '../../duban/dom.js';

const STYLE = `
#duban-duty { margin: 8px 0 0; padding: 8px 12px; border-radius: 3px; background: #fcf8e3; border: 1px solid #faebcc; color: #8a6d3b; }
`;

let asked = null;       // the task last asked about
let answer = null;      // and what duban said
let busy = false;
const taken = new Set(); // tasks taken by opening them: one given back (×) stays given back

// The task on screen: Tasklist's own (its task view's scope); Tasklist may drop task= from the address while it shows
// the task (a filter chosen meanwhile), so the address is only the fallback.
function taskId() {
  const view = document.querySelector('[cam-tasklist-task]');
  const scope = view && window.angular && window.angular.element(view).scope();
  if (scope && scope.task && scope.task.id) return scope.task.id;
  const m = /[?&]task=([^&]+)/.exec(window.location.hash);
  return m ? decodeURIComponent(m[1]) : null;
}

function claimButton() {
  return Array.from(document.querySelectorAll('button.claim')).find(b => b.offsetParent !== null && !b.disabled);
}

function hint(text) {
  let box = document.getElementById('duban-duty');
  const form = document.querySelector('.task-details [cam-tasklist-form], .task-details .form-container, [cam-tasklist-task] form');
  if (!text) {
    if (box) box.remove();
    return;
  }
  if (!box && form && form.parentNode) {
    box = el('div', { id: 'duban-duty', role: 'status' });
    form.parentNode.insertBefore(box, form);
  }
  if (box) box.textContent = text;
}

async function ask(id) {
  try {
    const r = await fetch('/api/tasks/' + encodeURIComponent(id) + '/duty', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    return r.ok ? await r.json() : null;
  } catch (e) {
    return null;
  }
}

async function look() {
  if (busy) return;
  const id = taskId();
  if (!id) {
    asked = null; answer = null;
    return;
  }
  if (id !== asked) {
    busy = true;
    try {
      answer = await ask(id);
      asked = answer ? id : null;
    } finally {
      busy = false;
    }
  }
  if (!answer || taskId() !== id) return;
  const button = claimButton();
  if (button && answer.mayDo && !answer.held && !taken.has(id) && !/[?&]task=/.test(window.location.hash)) {
    // the address first says which task is open, or Tasklist closes the task once it is taken
    const hash = window.location.hash || '#/';
    window.location.hash = hash + (hash.indexOf('?') >= 0 ? '&' : '?') + 'task=' + encodeURIComponent(id);
    return;
  }
  if (button && answer.mayDo && !answer.held && !taken.has(id)) {
    taken.add(id);
    button.click();
  }
  hint(answer.message);
  boardLink(answer.board);
}

// Tasklist's ↗ beside the task's process opens Cockpit's page of the process instance (ids, variables, cancel): the
// operators' page. The section is taken to the campaign on the 督办看板 instead; a unit's people, who have no Cockpit,
// are offered no link.
function boardLink(board) {
  document.querySelectorAll('a.instance-link').forEach(a => {
    if (board === 'cockpit' || board === undefined) return;
    if (!board) {
      a.style.display = 'none';
      return;
    }
    a.style.display = '';
    if (a.getAttribute('href') !== board) a.setAttribute('href', board);
    a.setAttribute('title', '在督办看板中查看该通知');
    a.setAttribute('target', '_blank');
  });
}

let started = false;

export default {
  id: 'duban.claim',
  pluginPoint: 'tasklist.navbar.action',
  priority: -300,
  render: () => {
    if (started) return;
    started = true;
    const style = document.createElement('style');
    style.textContent = STYLE;
    document.head.appendChild(style);
    window.addEventListener('hashchange', look);
    setInterval(look, 700);
    look();
  }
};
