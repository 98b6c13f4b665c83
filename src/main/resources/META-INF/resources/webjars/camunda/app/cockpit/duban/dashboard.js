// 督办看板: a Cockpit plugin (Camunda 7.14+ plugin API). It adds "督办看板" to Cockpit's navigation and a
// page at #/duban that reads duban's own tables through /api/dashboard (which answers operators and the
// supervision section only; everyone else gets the API's Chinese refusal). Plain DOM, no framework, no
// inline handlers (Cockpit's Content-Security-Policy forbids them).

import { el, when, api } from '../../duban/dom.js';

const API = '/api';
const BUCKET_COLOURS = {
  NOT_SIGNED: '#9e9e9e',
  IN_PROGRESS: '#42a5f5',
  SUBMITTED: '#7e57c2',
  RETURNED: '#ffa726',
  APPROVED: '#66bb6a',
  OVERDUE: '#e53935',
  WITHDRAWN: '#cfd8dc'
};
const PAGE_SIZE = 50;

const STYLE = `
.duban .filters { display: flex; gap: 8px; max-width: 640px; margin-bottom: 6px; }
.duban .files .thumb img { max-width: 180px; max-height: 135px; border: 1px solid #ddd; margin: 0 8px 8px 0; }
.duban .timeline li { margin: 2px 0; }
.duban { padding: 16px 24px; font-size: 14px; position: absolute; top: 0; bottom: 0; left: 0; right: 0; overflow: auto; }
/* Cockpit's page area does not scroll itself: the dashboard scrolls within it */
.duban h2 { font-size: 20px; margin: 0 0 12px; }
.duban h3 { font-size: 16px; margin: 18px 0 8px; }
.duban .muted { color: #666; }
.duban .error { color: #b71c1c; background: #fdecea; padding: 12px; border-radius: 4px; }
.duban table { border-collapse: collapse; width: 100%; background: #fff; }
.duban table.totals { width: auto; min-width: 480px; }
.duban .scroll { overflow-x: auto; max-width: 100%; }
.duban th, .duban td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; }
.duban th { background: #f3f3f3; }
.duban td.num { text-align: right; font-variant-numeric: tabular-nums; }
.duban .cards { display: flex; flex-wrap: wrap; gap: 12px; }
.duban .card { border: 1px solid #ddd; border-radius: 6px; padding: 12px; width: 360px; background: #fff; }
.duban .card a.title { font-weight: bold; font-size: 15px; }
.duban .bar { display: flex; height: 18px; border-radius: 3px; overflow: hidden; margin: 8px 0; background: #eee; }
.duban .chips { display: flex; flex-wrap: wrap; gap: 6px; }
.duban .chip { border: 1px solid #ccc; border-radius: 12px; padding: 2px 10px; cursor: pointer; background: #fff; }
.duban .chip.active { border-color: #333; font-weight: bold; }
.duban .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; }
.duban .legend span { margin-right: 14px; }
.duban .downloads a { margin-right: 16px; }
.duban .pager { margin: 8px 0; }
.duban .pager button { margin-right: 8px; }
`;

function get(path) {
  return api('GET', API + path, '看板数据读取失败');
}

function params() {
  const hash = window.location.hash || '';
  const q = hash.indexOf('?');
  return new URLSearchParams(q >= 0 ? hash.substring(q + 1) : '');
}

function go(campaign, bucket, page, unit) {
  const p = new URLSearchParams();
  if (campaign) p.set('campaign', campaign);
  if (unit) p.set('unit', unit);
  if (bucket) p.set('bucket', bucket);
  if (page) p.set('page', String(page));
  const query = p.toString();
  window.location.hash = '#/duban' + (query ? '?' + query : '');
}

function bar(counts, total) {
  return el('div', { class: 'bar', title: counts.map(c => c.label + ' ' + c.count).join('，') },
    counts.filter(c => c.count > 0).map(c => el('div', {
      style: `width:${(100 * c.count / Math.max(total, 1)).toFixed(2)}%;background:${BUCKET_COLOURS[c.bucket]}`
    })));
}

function legend(counts) {
  return el('div', { class: 'legend' }, counts.map(c =>
    el('span', {}, el('span', { class: 'swatch', style: 'background:' + BUCKET_COLOURS[c.bucket] }), `${c.label} ${c.count}`)));
}

function chart(counts) {
  // a bar per bucket, drawn in SVG: heights relative to the largest bucket
  const max = Math.max(1, ...counts.map(c => c.count));
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const w = 90 * counts.length, h = 170;
  svg.setAttribute('width', w); svg.setAttribute('height', h); svg.setAttribute('class', 'duban-chart');
  counts.forEach((c, i) => {
    const bh = Math.round(120 * c.count / max);
    const rect = document.createElementNS(ns, 'rect');
    rect.setAttribute('x', 90 * i + 20); rect.setAttribute('y', 140 - bh);
    rect.setAttribute('width', 50); rect.setAttribute('height', bh);
    rect.setAttribute('fill', BUCKET_COLOURS[c.bucket]);
    svg.appendChild(rect);
    const n = document.createElementNS(ns, 'text');
    n.setAttribute('x', 90 * i + 45); n.setAttribute('y', 135 - bh); n.setAttribute('text-anchor', 'middle');
    n.textContent = String(c.count);
    svg.appendChild(n);
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('x', 90 * i + 45); t.setAttribute('y', 160); t.setAttribute('text-anchor', 'middle');
    t.textContent = c.label;
    svg.appendChild(t);
  });
  return svg;
}

async function renderList(root) {
  const cards = await get('/dashboard/campaigns');
  root.appendChild(el('h2', {}, '督办看板'));
  if (cards.length === 0) {
    root.appendChild(el('p', { class: 'muted' }, '还没有督办活动。拟稿人在“待办”里发起活动后，这里会显示各单位的办理情况。'));
    return;
  }
  // search by title and keep to one state: 征集中 (issued, collecting), 已结束 (closed or archived), or all
  const search = el('input', { type: 'search', class: 'form-control', id: 'duban-search', placeholder: '按通知标题查找' });
  const state = el('select', { class: 'form-control', id: 'duban-state' },
    el('option', { value: 'open' }, '进行中（起草、审批、征集）'), el('option', { value: 'done' }, '已截止及已归档'),
    el('option', { value: '' }, '全部'));
  const list = el('div', { class: 'cards' });
  const shown = el('p', { class: 'muted' });
  const draw = () => {
    const words = search.value.trim();
    const done = s => s === 'CLOSED' || s === 'ARCHIVED';
    const picked = cards.filter(c => (!words || c.title.indexOf(words) >= 0)
      && (!state.value || (state.value === 'done') === done(c.status)));
    list.innerHTML = '';
    // a periodic return: the series (its periods, how many are open) leads to its matrix; each period is a campaign
    picked.forEach(c => list.appendChild(c.series && c.series.seriesId === c.id
      ? el('div', { class: 'card', 'data-series': c.id },
        el('a', { class: 'title', href: '#/duban?series=' + encodeURIComponent(c.id) }, c.title),
        el('div', { class: 'muted' }, `定期报送 · 共 ${c.series.periods} 期，已开放 ${c.series.opened} 期 · 末期截止 ${c.deadline || '未定'}`))
      : el('div', { class: 'card', 'data-campaign': c.id },
        el('a', { class: 'title', href: '#/duban?campaign=' + encodeURIComponent(c.id) }, c.title),
        el('div', { class: 'muted' }, `${c.statusLabel} · 截止 ${c.deadline || '未定'} · ${c.units} 个单位`),
        bar(c.counts, c.units),
        legend(c.counts))));
    shown.textContent = picked.length ? `共 ${picked.length} 项` : '没有符合条件的活动。';
  };
  search.addEventListener('input', draw);
  state.addEventListener('change', draw);
  root.appendChild(el('div', { class: 'filters' }, search, state));
  root.appendChild(shown);
  root.appendChild(list);
  draw();
}

async function renderCampaign(root, id, bucket, page) {
  const q = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
  if (bucket) q.set('bucket', bucket);
  // the campaign's circulars are asked for alongside its board, not after it
  const [board, circulars, late] = await Promise.all([get('/dashboard/campaigns/' + encodeURIComponent(id) + '?' + q),
    get('/campaigns/' + encodeURIComponent(id) + '/circulars'), get('/campaigns/' + encodeURIComponent(id) + '/late-additions')]);
  const c = board.campaign;
  root.appendChild(el('p', {}, el('a', { href: '#/duban' }, '‹ 全部活动'),
    c.series ? el('a', { href: '#/duban?series=' + encodeURIComponent(c.series.seriesId), style: 'margin-left: 16px' }, '‹ 定期报送各期情况') : null));
  root.appendChild(el('h2', {}, c.title));
  root.appendChild(el('p', { class: 'muted' },
    `${c.statusLabel} · 截止 ${c.deadline || '未定'} · 下发 ${when(c.issuedAt) || '未下发'} · ${c.units} 个单位 · 今天 ${board.today}`));

  root.appendChild(el('p', { class: 'downloads' },
    el('a', { href: `${API}/campaigns/${encodeURIComponent(id)}/exports/summary.xlsx`, download: '' }, '下载全县汇总表（xlsx）'),
    el('a', { href: `${API}/campaigns/${encodeURIComponent(id)}/exports/package.zip`, download: '' }, '下载上报材料包（zip）'),
    // 督办通报 and 督办单 in one click, in the notice's own format (Word)
    el('a', { href: `${API}/campaigns/${encodeURIComponent(id)}/circular.docx`, download: '', id: 'duban-circular' }, '预览督办通报（Word，未送签）'),
    el('a', { href: `${API}/campaigns/${encodeURIComponent(id)}/supervision-orders.docx`, download: '', id: 'duban-orders' }, '生成督办单（Word，每个临近截止、逾期或未签收的单位一页，颜色同下表）')));

  root.appendChild(circularSection(id, circulars));

  root.appendChild(el('h3', {}, '各单位办理情况'));
  root.appendChild(chart(c.counts));
  root.appendChild(el('div', { class: 'chips' },
    el('span', { class: 'chip' + (bucket ? '' : ' active'), 'data-bucket': '', onclick: () => go(id, null, 0) }, `全部 ${c.units}`),
    c.counts.map(x => el('span', {
      class: 'chip' + (bucket === x.bucket ? ' active' : ''), 'data-bucket': x.bucket, onclick: () => go(id, x.bucket, 0)
    }, el('span', { class: 'swatch', style: 'background:' + BUCKET_COLOURS[x.bucket] }), `${x.label} ${x.count}`))));

  const units = board.units;
  root.appendChild(el('h3', {}, bucket ? `单位列表：${c.counts.find(x => x.bucket === bucket).label}` : '单位列表'));
  // the rows' shades, as the server defines them (the 督办单's colours, lighter)
  root.appendChild(el('div', { class: 'legend' }, board.urgencies.map(x =>
    el('span', {}, el('span', { class: 'swatch', style: 'background:' + x.tint }), x.label))));
  root.appendChild(el('table', { class: 'units' },
    el('thead', {}, el('tr', {}, ['单位', '状态', '截止日期', '报送时间', '逾期天数', '退回次数', '已发提醒', '单位详情', '统计表', '催办']
      .map(h => el('th', {}, h)))),
    el('tbody', {}, units.rows.map(u => [el('tr', {
      'data-unit': u.unitCode, 'data-bucket': u.bucket, 'data-urgency': u.urgency || '',
      style: u.urgencyTint ? 'background:' + u.urgencyTint : null,
      title: u.urgencyLabel || null
    },
      el('td', {}, u.unitName, u.reportsTo ? el('div', { class: 'muted', style: 'font-size:12px' }, '经 ' + u.reportsTo + ' 审核汇总') : null),
      el('td', {}, u.statusLabel + (u.bucket === 'OVERDUE' && u.status !== 'CLOSED' ? '（逾期）' : '')),
      el('td', {}, u.dueDate || ''),
      el('td', {}, when(u.submittedAt)),
      el('td', { class: 'num' }, u.daysLate),
      el('td', { class: 'num' }, u.returnCount),
      el('td', { class: 'num' }, u.reminders),
      el('td', {}, el('a', { href: '#/duban?campaign=' + encodeURIComponent(id) + '&unit=' + encodeURIComponent(u.unitCode),
        class: 'unit-link' }, '详情')),
      el('td', {}, u.submittedAt ? el('a', {
        href: `${API}/campaigns/${encodeURIComponent(id)}/units/${encodeURIComponent(u.unitCode)}/report.xlsx`, download: ''
      }, '下载') : ''),
      el('td', {}, u.owesReport ? el('button', {
        class: 'btn btn-default btn-xs urge', type: 'button', onclick: ev => urgeRow(id, u, ev.target.closest('tr'))
      }, '催办') : ''))]).flat())));
  const pages = Math.max(1, Math.ceil(units.total / units.size));
  root.appendChild(el('div', { class: 'pager' },
    el('button', { class: 'btn btn-default btn-sm', disabled: units.page > 0 ? null : 'disabled', onclick: () => go(id, bucket, units.page - 1) }, '上一页'),
    el('button', { class: 'btn btn-default btn-sm', disabled: units.page + 1 < pages ? null : 'disabled', onclick: () => go(id, bucket, units.page + 1) }, '下一页'),
    el('span', { class: 'muted' }, `第 ${units.page + 1} / ${pages} 页，共 ${units.total} 个单位`)));

  root.appendChild(lateSection(id, c, late));

  root.appendChild(el('h3', {}, '已通过报表合计'));
  root.appendChild(board.totals.length ? el('table', { class: 'totals' },
    el('thead', {}, el('tr', {}, el('th', {}, '序号'), el('th', {}, '类别'), el('th', {}, '单位'), el('th', {}, '数量'))),
    el('tbody', {}, board.totals.map(t => el('tr', {},
      el('td', {}, t.no), el('td', {}, t.name), el('td', {}, t.unit), el('td', { class: 'num' }, t.amount)))))
    : el('p', { class: 'muted', id: 'duban-no-table' }, '本通知没有统计表：各单位报送活动总结和附件。'));

}


/**
 * 补发 (issue 30 §10): a unit added to the registry while the notice runs is sent it with its own due date (its 签收
 * task and mail follow, the audit records who sent it and why); the units sent it so far, by whom.
 */
function lateSection(id, c, late) {
  const box = el('div', { id: 'duban-late' }, el('h3', {}, '补发'),
    el('p', { class: 'muted' }, '通知印发后单位名册中新增的单位，可在此补发本通知并给出其报送期限；补发后该单位即收到签收任务和邮件，补发记入操作记录。'));
  if (c.status === 'ISSUED' && late.mayAdd && late.candidates.length) {
    const unit = el('select', { class: 'form-control input-sm', id: 'duban-late-unit', style: 'max-width: 22em; display: inline-block' },
      late.candidates.map(x => el('option', { value: x.code }, x.name + (x.picked ? '（属本通知报送对象的范围）' : ''))));
    const due = el('input', { type: 'date', class: 'form-control input-sm', id: 'duban-late-due', style: 'width: 11em; display: inline-block' });
    const reason = el('input', { class: 'form-control input-sm', id: 'duban-late-reason', maxlength: '2000', placeholder: '补发原因（可选）',
      style: 'max-width: 18em; display: inline-block' });
    const said = el('span', { id: 'duban-late-message', class: 'muted', style: 'margin-left: 8px' });
    const send = el('button', {
      class: 'btn btn-primary btn-sm', type: 'button', id: 'duban-late-send',
      onclick: async () => {
        send.setAttribute('disabled', 'disabled');
        said.className = 'muted';
        said.textContent = '正在补发……';
        try {
          const added = await api('POST', API + '/campaigns/' + encodeURIComponent(id) + '/units/' + encodeURIComponent(unit.value)
            + '/late-addition', '补发失败', { dueDate: due.value, reason: reason.value });
          said.textContent = `已补发：${added.unitName}，报送期限 ${added.dueDate}`;
          render(mounted);
        } catch (e) {
          said.className = 'error';
          said.textContent = e.message;
          send.removeAttribute('disabled');
        }
      }
    }, '补发');
    box.appendChild(el('p', {}, el('label', { for: 'duban-late-unit' }, '补发给 '), unit, ' 报送期限 ', due, ' ', reason, ' ', send, said));
  }
  box.appendChild(late.added.length ? el('table', { class: 'late' },
    el('thead', {}, el('tr', {}, ['单位', '报送期限', '补发', '原因'].map(h => el('th', {}, h)))),
    el('tbody', {}, late.added.map(a => el('tr', { 'data-unit': a.unitCode },
      el('td', {}, a.unitName), el('td', {}, a.dueDate), el('td', {}, when(a.addedAt) + ' ' + a.addedByName), el('td', {}, a.reason || '')))))
    : el('p', { class: 'muted' }, '尚未补发。'));
  return box;
}

/**
 * 催办 from the board (issue 30 §9): the unit's row opens a row under it with the note the unit will read, sent with
 * POST /api/campaigns/{id}/urge; the answer (urged, or why not and when next) is said there.
 */
function urgeRow(id, u, tr) {
  const open = tr.nextElementSibling && tr.nextElementSibling.classList.contains('urge-row') ? tr.nextElementSibling : null;
  if (open) {
    open.remove();
    return;
  }
  const note = el('textarea', { class: 'form-control', rows: '2', maxlength: '2000', id: 'duban-urge-note', placeholder: '如：请今日下班前报送' });
  const said = el('p', { class: 'muted', id: 'duban-urge-result', style: 'white-space: pre-wrap; margin: 6px 0 0' });
  const send = el('button', {
    class: 'btn btn-warning btn-sm', type: 'button', id: 'duban-urge-send',
    onclick: async () => {
      send.setAttribute('disabled', 'disabled');
      said.className = 'muted';
      said.textContent = '正在催办……';
      try {
        const r = await api('POST', API + '/campaigns/' + encodeURIComponent(id) + '/urge', '催办失败', { units: [u.unitCode], note: note.value });
        said.textContent = r.message;
      } catch (e) {
        said.className = 'error';
        said.textContent = e.message;
      } finally {
        send.removeAttribute('disabled');
      }
    }
  }, '发送催办');
  tr.after(el('tr', { class: 'urge-row', 'data-urge': u.unitCode },
    el('td', { colspan: '10' },
      el('label', { for: 'duban-urge-note' }, `催办说明（可选，${u.unitName}的填报人和负责人会在邮件和待办中看到）`),
      note, el('div', { style: 'margin-top: 6px' }, send,
        el('button', { class: 'btn btn-link btn-sm', type: 'button', onclick: () => urgeRow(id, u, tr) }, '取消')), said)));
  note.focus();
}

/**
 * 督办通报 of a campaign: send today's for 核稿 and 签发 (the document is fixed as sent), and follow each one —
 * who sent, checked and signed it, with what opinion — to its issue, when the units are mailed it.
 */
function circularSection(id, list) {
  const message = el('span', { class: 'muted', id: 'duban-circular-message', style: 'margin-left: 12px' });
  const pending = list.find(x => x.holdsBack);
  const send = el('button', {
    class: 'btn btn-primary btn-sm', id: 'duban-send-circular', disabled: pending ? 'disabled' : null,
    onclick: async () => {
      send.setAttribute('disabled', 'disabled');
      message.className = 'muted';
      message.textContent = '正在生成……';
      try {
        const sent = await api('POST', API + '/campaigns/' + encodeURIComponent(id) + '/circulars', '送签失败', {});
        message.textContent = `督办通报${sent.issueLabel}已送科长核稿`;
        render(mounted);
      } catch (e) {
        message.className = 'error';
        message.textContent = e.message;
        send.removeAttribute('disabled');
      }
    }
  }, '按当前数据生成督办通报，送核稿签发');
  // who decided, when, which way, and why
  const opinion = (who, at, verdict, comment) => who ? `${who} ${when(at)} ${verdict}${comment ? '：' + comment : ''}` : '';
  return el('div', { id: 'duban-circulars' },
    el('h3', {}, '督办通报'),
    el('p', { class: 'muted' }, '督办通报按送签时的数据生成，经科长核稿、领导签发后印发：各单位收到邮件，并可在其办理页面下载。退回的通报作废，可重新生成一期。'),
    el('p', {}, send, pending ? el('span', { class: 'muted', style: 'margin-left: 12px' }, pending.holdsBack) : null, message),
    list.length ? el('table', { class: 'circulars' },
      el('thead', {}, el('tr', {}, ['期数', '数据截至', '状态', '送签', '核稿', '签发', '文件'].map(h => el('th', {}, h)))),
      el('tbody', {}, list.map(x => el('tr', { 'data-circular': x.id, 'data-status': x.status },
        el('td', {}, x.issueLabel),
        el('td', {}, x.asOf),
        el('td', {}, x.statusLabel),
        el('td', {}, opinion(x.createdBy, x.createdAt, '送签', '')),
        el('td', {}, opinion(x.reviewedBy, x.reviewedAt, x.reviewVerdict, x.reviewComment)),
        el('td', {}, opinion(x.signedBy, x.signedAt, x.signVerdict, x.signComment)),
        el('td', {}, el('a', { href: `${API}/circulars/${x.id}/document.docx`, download: '' }, 'Word'), ' · ',
          el('a', { href: `${API}/circulars/${x.id}/document.pdf`, download: '' }, 'PDF'))))))
      : el('p', { class: 'muted' }, '尚未发过督办通报。'));
}

/** One unit in one campaign, for the section: versions, figures, files, reminders, urges and a timeline, no engine ids. */
async function renderUnit(root, id, unitCode) {
  const base = '/campaigns/' + encodeURIComponent(id);
  const [notice, view, urges, mails] = await Promise.all([get(base), get(base + '/units/' + encodeURIComponent(unitCode)),
    get(base + '/units/' + encodeURIComponent(unitCode) + '/urges'), get(base + '/units/' + encodeURIComponent(unitCode) + '/mail')]);
  const names = view.names || {};
  const mine = mails;
  root.appendChild(el('p', {}, el('a', { href: '#/duban?campaign=' + encodeURIComponent(id) }, '‹ ' + notice.title)));
  root.appendChild(el('h2', { id: 'duban-unit', 'data-unit': unitCode }, view.unit.name));
  root.appendChild(el('p', { class: 'muted' }, `${view.statusLabel}${view.overdue ? '（逾期）' : ''} · 报送期限 ${view.dueDate || '未定'} · 退回 ${view.returnCount} 次`
    + (view.unit.headName ? ` · 负责人 ${view.unit.headName}` : '')));

  if (view.withdrawal) {
    const w = view.withdrawal;
    root.appendChild(el('p', { class: 'error', id: 'duban-withdrawn' },
      `${when(w.withdrawnAt)} ${w.withdrawnByName} 撤销了本单位的报送（撤销前：${w.statusBeforeLabel}）。理由：${w.reason}`));
  }
  if (view.mayWithdraw) {
    root.appendChild(withdrawSection(id, unitCode, view.unit.name));
  }

  const latest = view.versions[0];
  root.appendChild(el('h3', {}, '历次报送'));
  root.appendChild(view.versions.length ? el('table', { class: 'units versions' },
    el('thead', {}, el('tr', {}, ['版本', '报送', '状态', '审核', '意见'].map(h => el('th', {}, h)))),
    el('tbody', {}, view.versions.map(v => el('tr', {},
      el('td', {}, '第 ' + v.version + ' 版'),
      el('td', {}, when(v.submittedAt) + ' ' + (names[v.submittedBy] || '')),
      el('td', {}, v.statusLabel),
      el('td', {}, v.reviewedAt ? when(v.reviewedAt) + ' ' + (names[v.reviewedBy] || '') : ''),
      el('td', {}, v.reviewComment || '')))))
    : el('p', { class: 'muted' }, '尚未报送。'));

  if (view.reportsTo) {
    root.appendChild(el('p', { class: 'muted', id: 'duban-reports-to' }, '本单位的报送由 ' + view.reportsTo + ' 审核并汇总上报。'));
  }
  if (view.members && view.members.lines.length) {
    root.appendChild(el('h3', {}, `下级单位（已审核通过 ${view.members.approved} / ${view.members.lines.length}）`));
    root.appendChild(el('table', { class: 'units members', id: 'duban-members' },
      el('thead', {}, el('tr', {}, ['单位', '状态', '期限', ''].map(h => el('th', {}, h)))),
      el('tbody', {}, view.members.lines.map(m => el('tr', {},
        el('td', {}, m.unitName), el('td', {}, m.statusLabel + (m.overdue ? '（逾期）' : '')), el('td', {}, m.dueDate),
        el('td', {}, el('a', { href: '#/duban?campaign=' + encodeURIComponent(id) + '&unit=' + encodeURIComponent(m.unitCode) }, '详情')))))));
  }

  if (latest && notice.template.indicators.length) {
    root.appendChild(el('h3', {}, `统计表（第 ${latest.version} 版）`));
    root.appendChild(el('table', { class: 'totals' },
      el('thead', {}, el('tr', {}, el('th', {}, '序号'), el('th', {}, '类别'), el('th', {}, '单位'), el('th', {}, '数量'))),
      el('tbody', {}, notice.template.indicators.map((ind, i) => el('tr', {},
        el('td', {}, i + 1), el('td', {}, ind.name), el('td', {}, ind.unit),
        el('td', { class: 'num' }, latest.values[ind.code] === undefined ? '' : String(latest.values[ind.code])))))));
  }
  // every form of the latest version: one, or 附件1, 附件2 … with several
  const grids = (view.tables && view.tables[0]) || [];
  if (latest && grids.length) {
    // a table with columns: the unit's rows, each column with its unit of measure, the computed 合计 row
    const show = (v, c) => v === undefined || v === null ? '' : c.numeric ? Number(v).toFixed(c.scale) : String(v);
    grids.forEach((grid, i) => {
      const sheet = (view.sheets || [])[i];
      const title = sheet && sheet.attachment ? `${sheet.attachment} ${sheet.title}` : '统计表';
      root.appendChild(el('h3', {}, `${title}（第 ${latest.version} 版）`));
      root.appendChild(el('div', { class: 'scroll' }, el('table', { class: 'totals', id: i === 0 ? 'duban-grid' : 'duban-grid-' + (i + 1) },
        el('thead', {}, el('tr', {}, el('th', {}, grid.heading), grid.columns.map(c => el('th', {}, c.name + (c.unit ? '（' + c.unit + '）' : ''))))),
        el('tbody', {}, grid.rows.map(r => el('tr', {}, el('td', {}, r.label),
          grid.columns.map(c => el('td', c.numeric ? { class: 'num' } : {}, show(r.cells[c.code], c))))),
          grid.total ? el('tr', {}, el('th', {}, grid.total.label || '合计'), grid.columns.map(c => el('td', { class: 'num', style: 'font-weight: bold' }, show(grid.total.cells[c.code], c)))) : []))));
    });
  }
  if (latest) {
    root.appendChild(el('h3', {}, '附件'));
    const labels = {};
    (view.attachmentKinds || []).forEach(k => { labels[k.code] = k.label; });
    root.appendChild(el('div', { class: 'files' }, latest.attachments.map(a => a.contentType && a.contentType.startsWith('image/')
      ? el('a', { href: API + '/attachments/' + a.id, target: '_blank', class: 'thumb', title: a.filename },
        el('img', { src: API + '/attachments/' + a.id, alt: a.filename, loading: 'lazy' }))
      : el('div', {}, (labels[a.kind] || '附件') + '：', el('a', { href: API + '/attachments/' + a.id, target: '_blank' }, a.filename)))));
  }

  root.appendChild(el('h3', {}, '提醒与催办'));
  root.appendChild(mine.length || urges.length ? el('table', { class: 'units mails' },
    el('thead', {}, el('tr', {}, ['时间', '类别', '收件人', '状态'].map(h => el('th', {}, h)))),
    el('tbody', {}, mine.map(m => el('tr', {},
      el('td', {}, when(m.sentAt || m.nextAttemptAt)), el('td', {}, m.kindLabel),
      el('td', { title: m.recipient }, m.recipientName), el('td', {}, m.statusLabel + (m.lastError && m.status !== 'SENT' ? '：' + m.lastError : ''))))))
    : el('p', { class: 'muted' }, '还没有发过提醒。'));
  if (urges.length) {
    root.appendChild(el('ul', { class: 'urges' }, urges.map(u => el('li', {},
      `${when(u.urgedAt)} ${u.urgedByName} 催办` + (u.note ? '：“' + u.note + '”' : '')))));
  }

  // the unit's story in one list, oldest first
  const events = [];
  view.versions.forEach(v => {
    events.push([v.submittedAt, v.carriedOver ? `本期未报送，结转上期数据（第 ${v.version} 版）` : `${names[v.submittedBy] || '单位'} 报送第 ${v.version} 版`]);
    if (v.reviewedAt) events.push([v.reviewedAt, `${names[v.reviewedBy] || '审核人'} ${v.statusLabel}` + (v.reviewComment ? '：' + v.reviewComment : '')]);
  });
  urges.forEach(u => events.push([u.urgedAt, `${u.urgedByName} 催办` + (u.note ? '：' + u.note : '')]));
  if (view.withdrawal) events.push([view.withdrawal.withdrawnAt, `${view.withdrawal.withdrawnByName} 撤销本单位的报送：${view.withdrawal.reason}`]);
  mine.filter(m => m.status === 'SENT').forEach(m => events.push([m.sentAt, `发出${m.kindLabel}（${m.recipientName}）`]));
  events.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  root.appendChild(el('h3', {}, '时间线'));
  root.appendChild(events.length ? el('ol', { class: 'timeline' }, events.map(e => el('li', {}, when(e[0]) + '  ' + e[1])))
    : el('p', { class: 'muted' }, '尚无记录。'));
}

/**
 * 撤销该单位的报送: the section takes a unit out of the running campaign (merged, closed, reached by mistake) with its
 * reason; the unit's tasks end, it owes nothing and is counted apart, and the audit says who and why.
 */
function withdrawSection(id, unitCode, unitName) {
  const reason = el('textarea', { id: 'duban-withdraw-reason', class: 'form-control', rows: '2', maxlength: '2000',
    placeholder: '撤销理由（必填），如：该单位已于 3 月 1 日并入县人民医院' });
  const message = el('span', { class: 'muted', id: 'duban-withdraw-message', style: 'margin-left: 12px' });
  const button = el('button', {
    class: 'btn btn-default btn-sm', id: 'duban-withdraw',
    onclick: async () => {
      if (!window.confirm(`确定撤销“${unitName}”的报送吗？该单位的待办将结束，不再计入应报单位，此操作不能恢复。`)) return;
      button.setAttribute('disabled', 'disabled');
      message.className = 'muted';
      message.textContent = '正在撤销……';
      try {
        await api('POST', API + '/campaigns/' + encodeURIComponent(id) + '/units/' + encodeURIComponent(unitCode) + '/withdrawal',
          '撤销失败', { reason: reason.value });
        render(mounted);
      } catch (e) {
        message.className = 'error';
        message.textContent = e.message;
        button.removeAttribute('disabled');
      }
    }
  }, '撤销该单位的报送');
  return el('details', { id: 'duban-withdrawal' },
    el('summary', {}, '撤销该单位的报送…'),
    el('p', { class: 'muted' }, '单位合并、撤并或误发时使用：该单位的待办随即结束，不再催办，也不计入应报和逾期单位。已审核通过的单位不能撤销。'),
    reason, el('p', { style: 'margin-top: 6px' }, button, message));
}

/** A periodic return: a row per unit, a column per period (its status, a carried-over month marked), the county's
 *  totals per period, and the year's cumulative figures per unit and for the county. */
async function renderSeries(root, id) {
  const m = await get('/series/' + encodeURIComponent(id));
  root.appendChild(el('p', {}, el('a', { href: '#/duban' }, '‹ 全部活动')));
  root.appendChild(el('h2', {}, m.title));
  const opened = m.periods.filter(p => p.campaignId).length;
  root.appendChild(el('p', { class: 'muted' }, `定期报送 · 共 ${m.periods.length} 期，已开放 ${opened} 期`
    + (m.carriesOver ? ' · 未按期报送的单位结转上期数据' : '')));
  root.appendChild(el('p', { class: 'downloads' },
    el('a', { href: `${API}/series/${encodeURIComponent(id)}/matrix.xlsx`, download: '' }, '下载各期报送情况（xlsx）')));
  const cellColour = c => !c ? '' : c.carried ? '#fff3cd' : c.overdue ? '#fdecea' : c.status === 'APPROVED' ? '#e8f5e9' : '';
  root.appendChild(el('h3', {}, '各期报送情况'));
  root.appendChild(el('div', { class: 'scroll' }, el('table', { class: 'units', id: 'duban-series-matrix' },
    el('thead', {}, el('tr', {}, el('th', {}, '单位'), m.periods.map(p => el('th', {},
      p.campaignId ? el('a', { href: '#/duban?campaign=' + encodeURIComponent(p.campaignId) }, p.label) : p.label,
      el('div', { class: 'muted' }, (p.campaignId ? '截止 ' : '未开放 · 截止 ') + p.due))))),
    el('tbody', {}, m.units.map(u => el('tr', { 'data-unit': u.unitCode }, el('td', {}, u.unitName),
      u.cells.map((c, i) => el('td', { style: cellColour(c) ? 'background:' + cellColour(c) : null, 'data-carried': c && c.carried ? 'true' : null },
        !c ? '' : c.label + (c.overdue ? '（逾期）' : ''))))),
      m.figures.length ? el('tr', {}, el('th', {}, '本期合计'), m.periods.map(p => el('td', { class: 'num' },
        p.campaignId ? m.figures.map(f => f.name + ' ' + Number(p.totals[f.key] || 0).toFixed(f.scale) + (f.unit || '')).join('；') : ''))) : []))));
  root.appendChild(el('div', { class: 'legend' },
    el('span', {}, el('span', { class: 'swatch', style: 'background:#e8f5e9' }), '已通过'),
    el('span', {}, el('span', { class: 'swatch', style: 'background:#fff3cd' }), '未报送，结转上期数据'),
    el('span', {}, el('span', { class: 'swatch', style: 'background:#fdecea' }), '逾期')));
  if (m.figures.length) {
    root.appendChild(el('h3', {}, `${m.year} 年累计（含结转数据）`));
    root.appendChild(el('div', { class: 'scroll' }, el('table', { class: 'units', id: 'duban-series-cumulative' },
      el('thead', {}, el('tr', {}, el('th', { rowspan: '2' }, '单位'), m.figures.map(f => el('th', { colspan: '3' }, f.title))),
        el('tr', {}, m.figures.map(() => ['本年累计', '上半年', '下半年'].map(h => el('th', {}, h))))),
      el('tbody', {}, m.cumulative.map(u => el('tr', {}, u.unitCode ? el('td', {}, u.unitName) : el('th', {}, '全县合计'),
        m.figures.map(f => [u.yearToDate, u.firstHalf, u.secondHalf].map(part =>
          el('td', { class: 'num', style: u.unitCode ? null : 'font-weight: bold' }, Number(part[f.key] || 0).toFixed(f.scale))))))))));
  }
}

async function render(node) {
  node.innerHTML = '';
  const style = el('style', {}, STYLE);
  const root = el('div', { class: 'duban', id: 'duban-dashboard' });
  node.appendChild(style);
  node.appendChild(root);
  const p = params();
  try {
    if (p.get('series')) {
      await renderSeries(root, p.get('series'));
    } else if (p.get('campaign') && p.get('unit')) {
      await renderUnit(root, p.get('campaign'), p.get('unit'));
    } else if (p.get('campaign')) {
      await renderCampaign(root, p.get('campaign'), p.get('bucket'), parseInt(p.get('page') || '0', 10) || 0);
    } else {
      await renderList(root);
    }
    root.setAttribute('data-loaded', 'true');
  } catch (e) {
    root.appendChild(el('p', { class: 'error' }, e.message));
    root.setAttribute('data-loaded', 'error');
  }
}

// Cockpit keeps the route (and so this page) when only the query after #/duban changes: follow the hash
// ourselves so that choosing a campaign, a status or a page redraws it.
let mounted = null;
window.addEventListener('hashchange', () => {
  if (mounted && document.body.contains(mounted) && (window.location.hash || '').startsWith('#/duban')) {
    render(mounted);
  }
});

// Cockpit's start page: the section (科长, reviewers, drafters) starts on 督办看板 and does not see the engine's
// pages in the navigation (决策, 人工任务, 批量操作 and the rest are the operators'); operators keep Cockpit as it is,
// with a way to the 督办看板 on top. Read once per page load from /api/me.
// (asked only from the plugins' renders, which Cockpit draws once someone is logged in; a failed answer is not kept)
let me = null;
async function whoAmI() {
  if (!me) {
    me = get('/me').catch(() => {
      me = null;
      return { operator: true };
    });
  }
  return me;
}

const SECTION_STYLE = `
ul[ng-controller="camHeaderViewsCtrl"] > li:has(a[href^="#/decisions"]),
ul[ng-controller="camHeaderViewsCtrl"] > li:has(a[href^="#/tasks"]),
ul[ng-controller="camHeaderViewsCtrl"] > li:has(a[href^="#/processes"]),
ul[ng-controller="camHeaderViewsCtrl"] > li.dropdown,
.ce-eol-banner { display: none !important; }
`;

async function sectionStart() {
  const who = await whoAmI();
  if (who.operator) return false;
  if (!document.getElementById('duban-section-style')) {
    document.head.appendChild(el('style', { id: 'duban-section-style' }, SECTION_STYLE));
  }
  const hash = window.location.hash || '';
  if (hash === '' || hash === '#' || hash === '#/' || hash.startsWith('#/dashboard')) {
    window.location.replace('#/duban');
  }
  return true;
}
let following = false;
function followSection() {
  sectionStart();
  if (!following) {
    following = true;
    window.addEventListener('hashchange', sectionStart);
  }
}

export default [
  {
    id: 'duban.start',
    pluginPoint: 'cockpit.dashboard',
    priority: 1000,
    render: node => {
      node.innerHTML = '';
      node.appendChild(el('p', { class: 'duban-start' }, el('a', { href: '#/duban', class: 'btn btn-primary' }, '打开督办看板 ›')));
      followSection();
    }
  },
  {
    id: 'duban.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    render: node => {
      node.innerHTML = '';
      node.appendChild(el('a', { href: '#/duban' }, '督办看板'));
      followSection();
    },
    properties: {
      path: '/duban'
    }
  },
  {
    id: 'duban.dashboard',
    pluginPoint: 'cockpit.route',
    properties: {
      path: '/duban',
      label: '督办看板'
    },
    render: node => {
      mounted = node;
      render(node);
    }
  }
];
