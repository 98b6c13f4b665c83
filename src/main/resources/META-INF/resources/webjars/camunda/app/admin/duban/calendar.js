// 工作日历: a section on Admin's dashboard for operators and administrators. It says which years' official
// holiday schedules duban knows (the holiday library's years, and the years loaded), warns when this year or the
// next is not loaded (their dates are then computed on Monday to Friday), and loads a year's schedule from a file
// of 日期,类型,名称 lines: first a preview of what it changes (every day that flips between working day and day off,
// by date and name, and the doubts that need an explicit confirmation: too few days off, a festival missing, most
// days off turned into working days, the shipped official year replaced), then the load. One day can be changed
// too. Every change is listed with who made it and when (/api/calendar/changes).
// Plain DOM, no inline handlers (the CSP forbids them).

import { el, when, api } from '../../duban/dom.js';

async function render(node, said) {
  node.innerHTML = '';
  const box = el('div', { class: 'duban-calendar', id: 'duban-calendar', style: 'font-size:14px' });
  node.appendChild(box);
  let years;
  let changes;
  try {
    [years, changes] = await Promise.all([api('GET', '/api/calendar/years', '工作日历读取失败'),
      api('GET', '/api/calendar/changes', '工作日历的修改记录读取失败')]);
  } catch (e) {
    box.appendChild(el('p', { class: 'text-danger' }, e.message));
    return;
  }
  if (years.missing.length) {
    box.appendChild(el('div', { class: 'alert alert-warning', id: 'duban-calendar-missing' },
      years.missing.join('、') + '的法定节假日安排尚未载入：这些年份的截止日和提醒日期暂按周一至周五计算。国务院办公厅公布安排后，请在下面载入。'));
  }
  box.appendChild(el('p', {}, `节假日库内置 ${years.library} 年；已载入：`,
    years.loaded.length ? years.loaded.map(y => `${y.year} 年（${y.days} 天，${y.source}，${when(y.loadedAt)}）`).join('；') : '无', '。'));

  // ---- a year from a file: preview, then load
  const year = el('input', { type: 'number', class: 'form-control input-sm', id: 'calendar-year', min: '2000', max: '2100',
    value: String(new Date().getFullYear() + 1), style: 'width:100px;display:inline-block' });
  const source = el('input', { class: 'form-control input-sm', id: 'calendar-source', placeholder: '来源，如 国办发明电〔2026〕×号',
    style: 'width:280px;display:inline-block' });
  const file = el('input', { type: 'file', accept: '.csv,.txt,text/csv,text/plain', id: 'calendar-file', style: 'display:inline-block' });
  const message = el('div', { id: 'calendar-message' });
  const previewBox = el('div', { id: 'calendar-preview-box' });
  const formData = confirm => {
    const data = new FormData();
    data.append('file', file.files[0]);
    data.append('source', source.value);
    if (confirm) data.append('confirm', 'true');
    return data;
  };
  const problem = e => el('p', { class: 'text-danger', style: 'white-space:pre-line' },
    e.problems && e.problems.length ? '未载入：\n' + e.problems.join('\n') : e.message);
  const load = async (doubtful, confirmed) => {
    message.innerHTML = '';
    if (doubtful && !confirmed.checked) {
      message.appendChild(el('p', { class: 'text-danger' }, '请先核对上面的提示，勾选“我已核对”后再载入'));
      return;
    }
    try {
      const y = await api('POST', '/api/calendar/years/' + encodeURIComponent(year.value), '载入失败', formData(doubtful));
      await render(node, `已载入 ${y.year} 年安排，共 ${y.days} 天。`);
    } catch (e) {
      message.appendChild(problem(e));
    }
  };
  const preview = async () => {
    message.innerHTML = '';
    previewBox.innerHTML = '';
    if (!file.files.length) {
      message.appendChild(el('p', { class: 'text-danger' }, '请选择安排文件'));
      return;
    }
    let p;
    try {
      p = await api('POST', '/api/calendar/years/' + encodeURIComponent(year.value) + '/preview', '预览失败', formData(false));
    } catch (e) {
      message.appendChild(problem(e));
      return;
    }
    const replaces = p.replaces
      ? (p.replacesOfficial ? `，将替换随系统发布的官方安排（${p.replaces.source}）`
        : `，将替换 ${when(p.replaces.loadedAt)} 载入的安排（${p.replaces.source}）`) : '';
    previewBox.appendChild(el('p', {}, `${p.year} 年安排：共 ${p.days} 天（放假 ${p.daysOff} 天，调休上班 ${p.daysWorked} 天）${replaces}。`));
    previewBox.appendChild(el('p', {}, p.flips.length
      ? `载入后 ${p.toOff} 天由工作日改为休息日、${p.toWorking} 天由休息日改为工作日：` : '载入后没有日期改变工作日或休息日。'));
    if (p.flips.length) {
      previewBox.appendChild(el('ul', { id: 'calendar-flips', style: 'max-height:240px;overflow:auto' },
        p.flips.map(f => el('li', {}, f))));
    }
    const confirmed = el('input', { type: 'checkbox', id: 'calendar-confirm' });
    if (p.doubts.length) {
      previewBox.appendChild(el('div', { class: 'alert alert-warning', id: 'calendar-doubts' },
        el('p', {}, '这个文件不像一份完整的官方安排，请核对：'), el('ul', {}, p.doubts.map(d => el('li', {}, d))),
        el('label', {}, confirmed, ' 我已核对，确认按此文件载入')));
    }
    previewBox.appendChild(el('div', {},
      el('button', { class: 'btn btn-primary btn-sm', id: 'calendar-load', onclick: () => load(p.doubts.length > 0, confirmed) }, '确认载入'),
      ' ',
      el('button', { class: 'btn btn-default btn-sm', id: 'calendar-cancel', onclick: () => { previewBox.innerHTML = ''; } }, '取消')));
  };
  box.appendChild(el('div', {}, '载入 ', year, ' 年安排：', file, ' ', source, ' ',
    el('button', { class: 'btn btn-default btn-sm', id: 'calendar-preview', onclick: preview }, '预览')));
  box.appendChild(el('p', { class: 'text-muted', style: 'font-size:12px;margin-top:4px' },
    '文件每行一天：日期,类型,名称 —— 如 2027-01-01,休,元旦 与 2027-02-07,班,春节调休（类型为 休 或 班）；可先在下面“下载该年安排”得到这样的文件再修改。载入会替换该年已有的日期；载入前先预览会改变哪些日期。'));
  box.appendChild(previewBox);
  box.appendChild(message);
  if (said) {
    message.appendChild(el('p', { class: 'text-success' }, said));
  }

  // ---- a year's days, listed on the page and as the file to download (the template to load a year from)
  const shownYear = el('input', { type: 'number', class: 'form-control input-sm', id: 'calendar-show-year', min: '2000', max: '2100',
    value: String(new Date().getFullYear()), style: 'width:100px;display:inline-block' });
  const daysBox = el('div', { id: 'calendar-days' });
  const download = el('a', { id: 'calendar-download', target: '_blank' }, '下载该年安排（CSV，可修改后作为文件载入）');
  const aim = () => { download.setAttribute('href', '/api/calendar/years/' + encodeURIComponent(shownYear.value) + '/schedule.csv'); };
  aim();
  shownYear.addEventListener('input', aim);
  shownYear.addEventListener('change', aim);
  const showDays = async () => {
    aim();
    daysBox.innerHTML = '';
    let days;
    try {
      days = await api('GET', '/api/calendar/years/' + encodeURIComponent(shownYear.value) + '/days', '读取失败');
    } catch (e) {
      daysBox.appendChild(el('p', { class: 'text-danger' }, e.message));
      return;
    }
    daysBox.appendChild(days.length
      ? el('table', { class: 'table table-condensed', style: 'max-width:520px' },
        el('thead', {}, el('tr', {}, el('th', {}, '日期'), el('th', {}, '星期'), el('th', {}, '安排'), el('th', {}, '名称'))),
        el('tbody', {}, days.map(d => el('tr', {}, el('td', {}, d.date), el('td', {}, d.weekday),
          el('td', {}, d.working ? '调休上班' : '放假'), el('td', {}, d.name)))))
      : el('p', { class: 'text-muted' }, `${shownYear.value} 年没有载入的放假和调休安排：截止日和提醒日期按周一至周五计算。`));
  };
  box.appendChild(el('div', { style: 'margin-top:8px' }, '查看 ', shownYear, ' 年的放假和调休安排 ',
    el('button', { class: 'btn btn-default btn-sm', id: 'calendar-show', onclick: showDays }, '查看'), ' · ', download));
  box.appendChild(daysBox);

  // ---- one day
  const day = el('input', { type: 'date', class: 'form-control input-sm', id: 'calendar-day', style: 'width:160px;display:inline-block' });
  const kind = el('select', { class: 'form-control input-sm', id: 'calendar-day-kind', style: 'width:110px;display:inline-block' },
    el('option', { value: 'off' }, '休息日'), el('option', { value: 'work' }, '工作日'));
  const name = el('input', { class: 'form-control input-sm', id: 'calendar-day-name', placeholder: '名称，如 国庆节、春节调休上班',
    style: 'width:220px;display:inline-block' });
  const dayMessage = el('div', { id: 'calendar-day-message' });
  const setDay = async () => {
    dayMessage.innerHTML = '';
    if (!day.value || !name.value.trim()) {
      dayMessage.appendChild(el('p', { class: 'text-danger' }, '请填写日期和名称'));
      return;
    }
    try {
      const d = await api('PUT', '/api/calendar/' + encodeURIComponent(day.value), '修改失败',
        { working: kind.value === 'work', name: name.value });
      await render(node);
      node.querySelector('#calendar-day-message').appendChild(el('p', { class: 'text-success' }, '已修改：' + d.changed));
    } catch (e) {
      dayMessage.appendChild(el('p', { class: 'text-danger' }, e.message));
    }
  };
  box.appendChild(el('div', { style: 'margin-top:8px' }, '修改某一天：', day, ' 改为 ', kind, ' ', name, ' ',
    el('button', { class: 'btn btn-default btn-sm', id: 'calendar-day-set', onclick: setDay }, '修改')));
  box.appendChild(dayMessage);

  // ---- who changed what
  box.appendChild(el('h4', { style: 'margin-top:12px' }, '最近的修改'));
  box.appendChild(changes.length
    ? el('table', { class: 'table table-condensed', id: 'duban-calendar-changes' },
      el('thead', {}, el('tr', {}, el('th', { style: 'width:140px' }, '时间'), el('th', { style: 'width:100px' }, '修改人'), el('th', {}, '内容'))),
      el('tbody', {}, changes.map(c => el('tr', {}, el('td', {}, when(c.at)), el('td', {}, c.by), el('td', {}, c.summary)))))
    : el('p', { class: 'text-muted', id: 'duban-calendar-changes' }, '还没有修改记录（随系统发布的安排除外）。'));
}

export default {
  id: 'duban.calendar',
  pluginPoint: 'admin.dashboard.section',
  priority: 15,
  properties: { label: '工作日历' },
  render: node => { render(node); }
};
