// 工作日历: a section on Admin's dashboard for operators and administrators. It says which years' official
// holiday schedules duban knows (the holiday library's years, and the years loaded), warns when this year or the
// next is not loaded (their dates are then computed on Monday to Friday), and loads a year's schedule from a file
// of 日期,类型,名称 lines (/api/calendar/years). Plain DOM, no inline handlers (the CSP forbids them).

import { el, when, api } from '../../duban/dom.js';

async function render(node) {
  node.innerHTML = '';
  const box = el('div', { class: 'duban-calendar', id: 'duban-calendar', style: 'font-size:14px' });
  node.appendChild(box);
  let years;
  try {
    years = await api('GET', '/api/calendar/years', '工作日历读取失败');
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
  const year = el('input', { type: 'number', class: 'form-control input-sm', id: 'calendar-year', min: '2000', max: '2100',
    value: String(new Date().getFullYear() + 1), style: 'width:100px;display:inline-block' });
  const source = el('input', { class: 'form-control input-sm', id: 'calendar-source', placeholder: '来源，如 国办发明电〔2026〕×号',
    style: 'width:280px;display:inline-block' });
  const file = el('input', { type: 'file', accept: '.csv,.txt,text/csv,text/plain', id: 'calendar-file', style: 'display:inline-block' });
  const message = el('div', { id: 'calendar-message' });
  const load = async () => {
    message.innerHTML = '';
    if (!file.files.length) {
      message.appendChild(el('p', { class: 'text-danger' }, '请选择安排文件'));
      return;
    }
    const data = new FormData();
    data.append('file', file.files[0]);
    data.append('source', source.value);
    try {
      const y = await api('POST', '/api/calendar/years/' + encodeURIComponent(year.value), '载入失败', data);
      await render(node);
      node.querySelector('#calendar-message').appendChild(el('p', { class: 'text-success' }, `已载入 ${y.year} 年安排，共 ${y.days} 天。`));
    } catch (e) {
      message.appendChild(el('p', { class: 'text-danger', style: 'white-space:pre-line' },
        e.problems && e.problems.length ? '未载入：\n' + e.problems.join('\n') : e.message));
    }
  };
  box.appendChild(el('div', {}, '载入 ', year, ' 年安排：', file, ' ', source, ' ',
    el('button', { class: 'btn btn-default btn-sm', id: 'calendar-load', onclick: load }, '载入')));
  box.appendChild(el('p', { class: 'text-muted', style: 'font-size:12px;margin-top:4px' },
    '文件每行一天：日期,类型,名称 —— 如 2027-01-01,休,元旦 与 2027-02-07,班,春节调休（类型为 休 或 班）。载入会替换该年已有的日期。'));
  box.appendChild(message);
}

export default {
  id: 'duban.calendar',
  pluginPoint: 'admin.dashboard.section',
  priority: 15,
  properties: { label: '工作日历' },
  render: node => { render(node); }
};
