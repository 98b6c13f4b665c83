// 科室: a section on Admin's dashboard. It lists the bureau's offices (科室/股) with their people by role, and lets an
// operator add one (its code and name): duban creates its groups — <科室>·拟稿人, ·报送审核人, ·负责人（核稿） — which an
// administrator then fills on Admin's 组 page. A notice belongs to the office of the drafter who starts it: that
// office checks it (核稿), reviews and urges its units and watches its 督办看板; leaders see every office's.
// Plain DOM, no inline handlers (the CSP forbids them).

import { el, api } from '../../duban/dom.js';

async function render(node, notice) {
  node.innerHTML = '';
  const box = el('div', { class: 'duban-offices', id: 'duban-offices', style: 'font-size:14px' });
  node.appendChild(box);
  let offices;
  try {
    offices = await api('GET', '/api/offices', '科室读取失败');
  } catch (e) {
    box.appendChild(el('p', { class: 'text-danger' }, e.message));
    return;
  }
  if (notice) box.appendChild(el('p', { class: 'text-success', id: 'duban-offices-message' }, notice));
  const roles = offices.length ? Object.keys(offices[0].people) : [];
  box.appendChild(el('table', { class: 'table table-condensed', id: 'duban-offices-table' },
    el('thead', {}, el('tr', {}, el('th', {}, '科室'), roles.map(r => el('th', {}, r)))),
    el('tbody', {}, offices.map(o => el('tr', { 'data-office': o.code },
      el('td', {}, o.name),
      roles.map(r => el('td', { title: '组：' + o.groups[r] }, o.people[r].length ? o.people[r].join('、') : '（尚无人员）')))))));
  box.appendChild(el('p', { class: 'text-muted', style: 'font-size:12px' },
    '每条通知属于起草它的科室：该科室负责人核稿，该科室的审核人审核各单位报送、催办，并在督办看板上跟踪；局领导可查看全部科室的通知。'
    + '科室人员的角色由系统管理员在“组”页面中加入（如“疾病预防控制科·报送审核人”）。'));

  const code = el('input', { class: 'form-control input-sm', id: 'office-code', placeholder: '编码，如 jkk', style: 'width:120px;display:inline-block' });
  const name = el('input', { class: 'form-control input-sm', id: 'office-name', placeholder: '名称，如 疾病预防控制科', style: 'width:220px;display:inline-block' });
  const codeError = el('span', { class: 'text-danger', id: 'office-code-error', style: 'margin-left:6px' });
  const nameError = el('span', { class: 'text-danger', id: 'office-name-error', style: 'margin-left:6px' });
  const add = async () => {
    codeError.textContent = '';
    nameError.textContent = '';
    try {
      const o = await api('POST', '/api/offices', '添加科室失败', { code: code.value, name: name.value });
      await render(node, `已添加科室“${o.name}”，请系统管理员在“组”页面中为其加入人员。`);
    } catch (e) {
      const f = e.fieldErrors || {};
      codeError.textContent = f.code || '';
      nameError.textContent = f.name || (f.code ? '' : e.message);
    }
  };
  box.appendChild(el('div', {}, '添加科室：', code, codeError, ' ', name, nameError, ' ',
    el('button', { class: 'btn btn-default btn-sm', id: 'office-add', onclick: add }, '添加')));
}

export default {
  id: 'duban.offices',
  pluginPoint: 'admin.dashboard.section',
  priority: 12,
  properties: { label: '科室' },
  render: node => { render(node); }
};
