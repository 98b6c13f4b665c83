// Tasklist's layout for the people who use it every day (issue #16). Its notifications ("你已被指派…", errors) no
// longer sit bottom right over 办结 and 暂存 but under the header, narrow, where nothing is typed. On a phone
// (narrower than 768 px), an open task is what the screen shows: the filter and task lists step aside (a
// "‹ 任务列表" button brings them back), the form takes the width, and 暂存 / 办结 stay at the bottom of the screen.
// The platform's end-of-life banner is left to the operators' apps. A task not yet claimed can be read in full:
// its files and photos open, its folded parts unfold (Tasklist veils the whole form until 认领).

const STYLE = `
/* the platform's end-of-life notice is for the IT department's planning, not for the county's people */
.ce-eol-banner { display: none !important; }
/* the engine's own words and tools (issue 30 §8): a task's bare priority (50), 新建任务 (a task outside any notice, with
   its 租户 ID), 键盘快捷键, the "better on a larger screen" warning on phones; 发起流程 only for those who may start */
.tasks-list .task .priority, .task-details .priority { display: none !important; }
li.create-task-action, li.shortcut-help, .small-screen-warning { display: none !important; }
body:not(.duban-starts) li.start-process-action { display: none !important; }
/* a task's due date and the groups it is offered to are duban's (Duties refuses a change): shown, not edited */
.task-details .due-date, .task-details .actors .groups span { pointer-events: none; cursor: default; }
.task-details .reset-due-date { display: none !important; }
.page-notifications { top: 70px; bottom: auto; right: 16px; max-width: min(420px, calc(100vw - 32px)); max-height: 40%; }
.page-notifications .alert { box-shadow: 0 2px 8px rgba(0,0,0,.2); }
#duban-back { display: none; }
/* a task not yet claimed can be read: its links, photos and folded parts open above Tasklist's veil */
.disabled-form a[href], .disabled-form summary, .disabled-form .duban-thumbs a { position: relative; z-index: 1001; cursor: pointer; }
/* what a form lets anyone of the section do whoever holds the task (催办 on 跟踪报送进度: its own action, not 办结) */
.disabled-form .duban-live { position: relative; z-index: 1001; }
.disabled-form .form-control.duban-live { background-color: #fff; color: inherit; }
@media (max-width: 767px) {
  .page-notifications { top: 56px; left: 8px; right: 8px; max-width: none; }
  body.duban-task-open .column.task-filters, body.duban-task-open .column.tasks-list { display: none !important; }
  body.duban-task-open #duban-back { display: block; position: fixed; left: 8px; bottom: 42px; z-index: 1050;
    background: #fff; border: 1px solid #ccc; border-radius: 16px; padding: 6px 12px; font-size: 14px; color: #1f4e8c; }
  body.duban-task-open .form-actions { position: fixed; left: 0; right: 0; bottom: 32px; z-index: 1040; margin: 0;
    padding: 8px 12px; background: #fff; box-shadow: 0 -2px 8px rgba(0,0,0,.15); text-align: right; }
  body.duban-task-open .task-details form[role="form"] { padding-bottom: 90px; }
  body.duban-task-open input.form-control, body.duban-task-open textarea.form-control { font-size: 16px; }
  body.duban-task-open .task-details .table { font-size: 13px; }
  /* the task's head takes a line or two, not half the screen: its name smaller, the engine's tabs and tools aside */
  body.duban-task-open .task-details .names h2.task { font-size: 17px; line-height: 1.35; margin: 2px 0 4px; }
  body.duban-task-open .task-details .definition-name, body.duban-task-open .task-details .meta.dates,
  body.duban-task-open .task-details .nav-tabs, body.duban-task-open .task-details .task-actions,
  body.duban-task-open .task-details .actors .groups { display: none !important; }
  body.duban-task-open .task-details .meta.actors { margin: 0; text-align: left; }
  body.duban-task-open .task-details header.three-cols-layout-cell.top { display: none !important; }
  body.duban-task-open .task-details form[role="form"] > h3:first-of-type { margin-top: 4px; }
  body.duban-task-open .task-details [cam-tasklist-form] { margin-top: 0; padding-top: 0; }
}
`;

function taskOpen() {
  return /[?&]task=/.test(window.location.hash);
}

function update() {
  document.body.classList.toggle('duban-task-open', taskOpen());
}

function backToList() {
  window.location.hash = window.location.hash.replace(/([?&])task=[^&]*(&|$)/, '$1').replace(/[?&]$/, '');
}

let started = false;

export default {
  id: 'duban.layout',
  pluginPoint: 'tasklist.navbar.action',
  priority: -200,
  render: () => {
    if (started) return;
    started = true;
    const style = document.createElement('style');
    style.textContent = STYLE;
    document.head.appendChild(style);
    const back = document.createElement('button');
    back.id = 'duban-back';
    back.type = 'button';
    back.textContent = '‹ 任务列表';
    back.addEventListener('click', backToList);
    document.body.appendChild(back);
    window.addEventListener('hashchange', update);
    setInterval(update, 1000);
    update();
    // 发起流程 for the drafters, who start notices; everyone else has nothing to start
    fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(r => r.ok ? r.json() : null)
      .then(me => { if (me && me.startsCampaigns) document.body.classList.add('duban-starts'); })
      .catch(() => {});
  }
};
