// Each Tasklist filter shows how many tasks it holds (issue #16: work lands where the person looks). Tasklist
// itself counts only the filter that is open, so a 科长 whose work waits in 本单位待办 would not know it is there.
// One call to the engine's filter list with itemCount=true (the Tasklist session, authorizations applied) gives
// every count; they are shown beside each filter's name and refreshed every 30 seconds and whenever the list
// changes. Plain DOM, no inline handlers (the webapps' Content-Security-Policy forbids them).

const STYLE = `
.task-filter h4.name .counter { display: none; }
.task-filter .duban-count { display: inline-block; min-width: 1.6em; margin-left: 6px; padding: 0 6px; border-radius: 9px;
  background: #e8eef7; color: #1f4e8c; font-size: 12px; line-height: 18px; text-align: center; font-weight: normal; }
.task-filter .duban-count.has-work { background: #1f4e8c; color: #fff; }
`;

function engineApi() {
  // /camunda/app/tasklist/default/ → /camunda/api/engine/engine/default
  const root = window.location.pathname.split('/app/')[0];
  return root + '/api/engine/engine/default';
}

let timer = null;
let running = false;

async function refresh() {
  if (running) return;
  running = true;
  try {
    const r = await fetch(engineApi() + '/filter?resourceType=Task&itemCount=true',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!r.ok) return;
    const filters = await r.json();
    const counts = {};
    filters.forEach(f => { counts[f.name] = f.itemCount; });
    document.querySelectorAll('.task-filter h4.name a').forEach(a => {
      const name = Array.from(a.childNodes).filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('').trim();
      if (!(name in counts)) return;
      let badge = a.querySelector('.duban-count');
      if (!badge) {
        badge = document.createElement('span');
        badge.className = 'duban-count';
        a.appendChild(badge);
      }
      const n = counts[name];
      badge.textContent = String(n);
      badge.classList.toggle('has-work', n > 0);
      badge.setAttribute('title', n + ' 项任务');
    });
    landOnWork(counts);
  } catch (e) {
    // a count is a hint: when it cannot be read, the list itself still works
  } finally {
    running = false;
  }
}

// On arriving in Tasklist, a person whose own list (我的待办) is empty while work waits for them in another — a unit's
// 签收 in 本单位待办, a report in 待审核报送 — is shown that list instead, once, not an empty page.
let landed = false;

function landOnWork(counts) {
  if (landed) return;
  const active = document.querySelector('.task-filter.active h4.name a');
  if (!active) return;
  landed = true;
  if (/[?&]task=/.test(window.location.hash) || counts['我的待办'] !== 0 || !active.textContent.includes('我的待办')) return;
  const next = ['本单位待办', '待审核报送'].find(name => counts[name] > 0);
  const link = next && Array.from(document.querySelectorAll('.task-filter h4.name a')).find(a => a.textContent.includes(next));
  if (link) link.click();
}

function schedule(delay) {
  clearTimeout(timer);
  timer = setTimeout(() => { refresh().then(() => schedule(30000)); }, delay);
}

/** A change of the filter list or the task list, not of a count this script wrote nor of a form being typed in. */
function changesTheLists(m) {
  const target = m.target.nodeType === Node.ELEMENT_NODE ? m.target : m.target.parentElement;
  if (!target || !target.closest || target.closest('.duban-count')) return false;
  if (Array.from(m.addedNodes).every(n => n.classList && n.classList.contains('duban-count'))
      && m.addedNodes.length > 0 && m.removedNodes.length === 0) return false;
  return !!target.closest('.task-filters, .tasks-list');
}

let started = false;

function start() {
  if (started) return;
  started = true;
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.appendChild(style);
  // the filter list is drawn (and redrawn after a task is completed or claimed) by Tasklist: count again then
  new MutationObserver(muts => {
    if (muts.some(changesTheLists)) schedule(400);
  }).observe(document.body, { childList: true, subtree: true });
  window.addEventListener('hashchange', () => schedule(400));
  schedule(0);
}

export default {
  id: 'duban.filterCounts',
  pluginPoint: 'tasklist.navbar.action',
  priority: -100,
  render: () => { start(); }
};
