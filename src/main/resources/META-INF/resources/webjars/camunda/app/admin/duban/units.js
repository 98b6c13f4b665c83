// 单位名册: an Admin page (#/units) and a section on Admin's dashboard, for operators and administrators. Units are
// added, edited (renamed, re-typed, re-parented), deactivated and reactivated here; unit types are named here; a
// registry CSV is imported after a preview of what it adds, changes and deactivates. It reads and writes duban's
// /api/units, /api/unit-types and /api/units/import; anyone else gets the API's Chinese refusal.
// Plain DOM, no inline handlers (the webapps' Content-Security-Policy forbids them).

import { el, when, api } from '../../duban/dom.js';

const STYLE = `
.duban-units { font-size: 14px; padding: 12px 24px 40px; }
.duban-units h2 { font-size: 20px; margin: 0 0 10px; }
.duban-units h3 { font-size: 16px; margin: 22px 0 8px; }
.duban-units table { border-collapse: collapse; width: 100%; background: #fff; margin: 6px 0 10px; }
.duban-units th, .duban-units td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
.duban-units th { background: #f3f3f3; }
.duban-units tr.inactive td { color: #999; }
.duban-units .muted { color: #666; }
.duban-units .error { color: #b71c1c; background: #fdecea; padding: 8px 12px; border-radius: 4px; white-space: pre-line; }
.duban-units .ok { color: #1b5e20; background: #e8f5e9; padding: 8px 12px; border-radius: 4px; }
.duban-units .toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
.duban-units .toolbar input[type=search] { max-width: 260px; }
.duban-units .panel-box { border: 1px solid #ccc; border-radius: 6px; padding: 12px 14px; background: #fafafa; margin: 8px 0 14px; }
.duban-units .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 8px 16px; }
.duban-units label { display: block; font-weight: normal; margin: 0; }
.duban-units label span.field { display: block; color: #333; margin-bottom: 2px; }
.duban-units .field-error { color: #b71c1c; font-size: 12px; margin-top: 2px; }
.duban-units .has-error input, .duban-units .has-error select { border-color: #b71c1c; }
.duban-units .diff { margin: 0; padding-left: 18px; }
`;

const FIELDS = [
  ['code', '单位编码', '小写字母、数字、连字符，如 ylzx；建立后不能修改'],
  ['name', '单位名称', ''],
  ['type', '单位类型', ''],
  ['parentCode', '上级单位', '没有上级时留空'],
  ['mailbox', '单位邮箱', ''],
  ['headName', '负责人姓名', ''],
  ['headUser', '负责人登录账号', '新账号将自动建立'],
  ['reporterName', '填报专人姓名', ''],
  ['reporterUser', '填报专人登录账号', '新账号将自动建立']
];

let state = { units: [], types: {}, showInactive: false, query: '', editing: null, message: null, preview: null, file: null };

function call(method, path, payload) {
  return api(method, path, '操作未完成，请刷新页面后重试', payload);
}

function accountsLine(created) {
  if (!created || !created.length) return null;
  return el('span', {}, ' 新建账号：', created.map((id, i) => [i ? '、' : '',
    el('a', { href: '#/users/' + encodeURIComponent(id) + '?tab=account' }, id)]),
    '。新账号没有可用的密码，请点击账号为其设置初始密码，再告知本人。');
}

async function load(root) {
  const registry = await call('GET', '/api/units');
  state.units = registry.units;
  state.types = registry.types;
  let changes = [];
  try { changes = await call('GET', '/api/units/changes?size=20'); } catch (e) { changes = []; }
  draw(root, changes);
}

function draw(root, changes) {
  root.innerHTML = '';
  root.appendChild(el('style', {}, STYLE));
  const box = el('div', { class: 'duban-units', id: 'duban-units' });
  root.appendChild(box);
  const active = state.units.filter(u => u.active).length;
  box.appendChild(el('h2', {}, '单位名册'));
  box.appendChild(el('p', { class: 'muted' }, `共 ${state.units.length} 个单位，启用 ${active} 个。停用的单位不再收到新通知，历史记录和已下发的活动保留。`));
  if (state.message) box.appendChild(el('div', { class: state.message.error ? 'error' : 'ok', id: 'duban-units-message' },
    state.message.text, state.message.error ? null : accountsLine(state.message.created)));

  const search = el('input', { type: 'search', class: 'form-control', id: 'duban-units-search', placeholder: '按名称或编码查找', value: state.query });
  search.addEventListener('input', () => { state.query = search.value; drawTable(tableBox, root); });
  const inactive = el('input', { type: 'checkbox', id: 'duban-units-inactive' });
  inactive.checked = state.showInactive;
  inactive.addEventListener('change', () => { state.showInactive = inactive.checked; drawTable(tableBox, root); });
  const fileInput = el('input', { type: 'file', accept: '.csv,text/csv', id: 'duban-units-file', style: 'display:none' });
  fileInput.addEventListener('change', () => fileInput.files.length && preview(root, fileInput.files[0]));
  box.appendChild(el('div', { class: 'toolbar' }, search,
    el('label', {}, inactive, ' 显示已停用'),
    el('button', { class: 'btn btn-primary btn-sm', id: 'duban-units-add', onclick: () => { state.editing = { isNew: true, values: {} }; state.message = null; draw(root, changes); } }, '新增单位'),
    el('button', { class: 'btn btn-default btn-sm', id: 'duban-units-import', onclick: () => fileInput.click() }, '导入名册（CSV）'),
    fileInput));
  box.appendChild(el('p', { class: 'muted' }, 'CSV 第一行为表头：单位编码,单位名称,单位类型（必有），可加 上级单位编码、单位邮箱、负责人、负责人账号、填报专人、填报专人账号；'
    + '也可用英文列名 code,name,type,parent,mailbox,head,headUser,reporter,reporterUser。文件中没有的单位将被停用（不会删除）。'));

  if (state.preview) box.appendChild(previewBox(root, changes));
  if (state.editing) box.appendChild(editForm(root, changes));
  const tableBox = el('div', {});
  box.appendChild(tableBox);
  drawTable(tableBox, root);
  box.appendChild(typesBox(root, changes));
  box.appendChild(el('h3', {}, '最近的名册变更'));
  box.appendChild(changes.length ? el('table', { id: 'duban-unit-changes' },
    el('thead', {}, el('tr', {}, ['时间', '操作人', '单位', '内容'].map(h => el('th', {}, h)))),
    el('tbody', {}, changes.map(c => el('tr', {}, el('td', {}, when(c.changedAt)), el('td', {}, c.changedByName || c.changedBy),
      el('td', {}, nameOf(c.unitCode)), el('td', {}, c.detail)))))
    : el('p', { class: 'muted' }, '还没有变更记录。'));
}

function nameOf(code) {
  if (code && code.startsWith('type:')) return '单位类型 ' + (state.types[code.substring(5)] || code.substring(5));
  const u = state.units.find(x => x.code === code);
  return u ? u.name : code;
}

function drawTable(tableBox, root) {
  tableBox.innerHTML = '';
  const q = state.query.trim();
  const rows = state.units.filter(u => (state.showInactive || u.active) && (!q || u.name.includes(q) || u.code.includes(q)));
  tableBox.appendChild(el('table', { id: 'duban-units-table' },
    el('thead', {}, el('tr', {}, ['单位名称', '编码', '类型', '上级单位', '负责人', '单位邮箱', '状态', ''].map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(u => el('tr', { class: u.active ? '' : 'inactive', 'data-unit': u.code },
      el('td', {}, u.name), el('td', {}, u.code), el('td', {}, u.typeName), el('td', {}, u.parentName || ''),
      el('td', {}, u.headName || ''), el('td', {}, u.mailbox || ''), el('td', {}, u.active ? '启用' : '已停用'),
      el('td', {},
        el('button', { class: 'btn btn-link btn-xs edit', onclick: async () => {
          state.editing = { isNew: false, values: Object.assign({}, u) };
          state.message = null;
          await load(root);
          // the form opens above the list: bring it into view, or the click seems to do nothing
          const form = document.getElementById('duban-unit-form');
          if (form) form.scrollIntoView({ block: 'start' });
        } }, '编辑'),
        el('button', { class: 'btn btn-link btn-xs toggle', onclick: () => toggle(root, u) }, u.active ? '停用' : '启用')))))));
  if (!rows.length) tableBox.appendChild(el('p', { class: 'muted' }, '没有符合条件的单位。'));
}

async function toggle(root, u) {
  if (u.active && !window.confirm(`停用“${u.name}”？停用后不再收到新通知，已下发的活动和历史记录保留，可随时重新启用。`)) return;
  try {
    await call('POST', '/api/units/' + encodeURIComponent(u.code) + (u.active ? '/deactivate' : '/activate'));
    state.message = { text: (u.active ? '已停用：' : '已重新启用：') + u.name };
  } catch (e) {
    state.message = { error: true, text: e.message };
  }
  load(root);
}

function editForm(root, changes) {
  const e = state.editing;
  const v = e.values;
  const inputs = {};
  const parents = state.units.filter(u => u.active && u.code !== v.code);
  const grid = el('div', { class: 'grid' }, FIELDS.map(([k, label, hint]) => {
    let input;
    if (k === 'type') {
      input = el('select', { class: 'form-control input-sm', id: 'unit-' + k },
        el('option', { value: '' }, '（请选择）'),
        Object.entries(state.types).map(([code, name]) => el('option', { value: code }, name)));
    } else if (k === 'parentCode') {
      input = el('select', { class: 'form-control input-sm', id: 'unit-' + k },
        el('option', { value: '' }, '（无上级单位）'), parents.map(p => el('option', { value: p.code }, p.name)));
    } else {
      input = el('input', { class: 'form-control input-sm', id: 'unit-' + k, type: k === 'mailbox' ? 'email' : 'text' });
      if (k === 'code' && !e.isNew) input.readOnly = true;
    }
    input.value = v[k] || '';
    inputs[k] = input;
    const error = (e.fieldErrors || {})[k];
    return el('label', { class: error ? 'has-error' : '' }, el('span', { class: 'field' }, label), input,
      hint ? el('div', { class: 'muted', style: 'font-size:12px' }, hint) : null,
      error ? el('div', { class: 'field-error', id: 'unit-' + k + '-error' }, error) : null);
  }));
  const save = async () => {
    const form = {};
    Object.entries(inputs).forEach(([k, input]) => { form[k] = input.value; });
    try {
      const saved = e.isNew ? await call('POST', '/api/units', form)
        : await call('PUT', '/api/units/' + encodeURIComponent(v.code), form);
      state.editing = null;
      state.message = { text: '已保存：' + saved.unit.name + '。', created: saved.createdAccounts };
    } catch (err) {
      e.values = form;
      e.fieldErrors = err.fieldErrors;
      e.error = Object.keys(err.fieldErrors || {}).length ? '请按红字修改后再保存。' : err.message;
    }
    load(root);
  };
  const people = el('div', { id: 'duban-unit-people', style: 'margin-top:10px' });
  if (!e.isNew) {
    call('GET', '/api/units/' + encodeURIComponent(v.code) + '/people').then(list => {
      people.appendChild(el('strong', {}, '本单位人员'));
      people.appendChild(list.length ? el('ul', {}, list.map(p => el('li', {},
        el('a', { href: '#/users/' + encodeURIComponent(p.id) + '?tab=account' }, (p.name || '（未填姓名）') + '（' + p.id + '）'),
        p.roles.length ? '：' + p.roles.join('、') : '')))
        : el('p', { class: 'muted' }, '还没有人员。填写上面的负责人或填报专人账号并保存即可建立。'));
    }, err => people.appendChild(el('p', { class: 'error' }, err.message)));
  }
  return el('div', { class: 'panel-box', id: 'duban-unit-form' },
    el('strong', {}, e.isNew ? '新增单位' : '编辑单位：' + v.name),
    e.error ? el('div', { class: 'error', style: 'margin:8px 0' }, e.error) : null,
    grid, people,
    el('div', { style: 'margin-top:10px' },
      el('button', { class: 'btn btn-primary btn-sm', id: 'duban-unit-save', onclick: save }, '保存'), ' ',
      el('button', { class: 'btn btn-default btn-sm', onclick: () => { state.editing = null; load(root); } }, '取消')));
}

async function preview(root, file) {
  const data = new FormData();
  data.append('file', file);
  state.file = file;
  state.message = null;
  try {
    state.preview = await call('POST', '/api/units/import/preview', data);
  } catch (e) {
    state.preview = null;
    state.message = { error: true, text: e.problems && e.problems.length ? '名册文件有误，未导入：\n' + e.problems.join('\n') : e.message };
  }
  load(root);
}

function previewBox(root, changes) {
  const p = state.preview;
  const apply = async () => {
    const data = new FormData();
    data.append('file', state.file);
    try {
      const done = await call('POST', '/api/units/import', data);
      state.message = { text: `已导入：新增 ${done.added.length} 个，变更 ${done.changed.length} 个，停用 ${done.deactivated.length} 个。`,
        created: done.createdAccounts };
    } catch (e) {
      state.message = { error: true, text: e.problems && e.problems.length ? '名册文件有误，未导入：\n' + e.problems.join('\n') : e.message };
    }
    state.preview = null;
    load(root);
  };
  const nothing = !p.added.length && !p.changed.length && !p.deactivated.length;
  return el('div', { class: 'panel-box', id: 'duban-units-preview' },
    el('strong', {}, `导入预览（${state.file ? state.file.name : ''}）：新增 ${p.added.length} 个，变更 ${p.changed.length} 个，停用 ${p.deactivated.length} 个，未变 ${p.unchanged} 个`),
    p.newTypes.length ? el('p', {}, '新单位类型（导入后请在下方“单位类型”中填写中文名称）：' + p.newTypes.join('、')) : null,
    p.added.length ? el('div', {}, el('h4', {}, '新增'), el('ul', { class: 'diff' }, p.added.map(r => el('li', {}, r.unit.name + '（' + r.unit.code + '）')))) : null,
    p.changed.length ? el('div', {}, el('h4', {}, '变更'), el('ul', { class: 'diff' }, p.changed.map(c => el('li', {},
      c.after.name + '：' + (c.reactivated ? '重新启用' + (c.fields.length ? '；' : '') : '')
      + c.fields.map(f => `${f.label} ${f.from || '（空）'} → ${f.to || '（空）'}`).join('；'))))) : null,
    p.deactivated.length ? el('div', {}, el('h4', {}, '停用（文件中没有）'), el('ul', { class: 'diff' }, p.deactivated.map(u => el('li', {}, u.name + '（' + u.code + '）')))) : null,
    el('div', { style: 'margin-top:10px' },
      nothing ? el('span', { class: 'muted' }, '文件与名册一致，无需导入。 ')
        : el('button', { class: 'btn btn-primary btn-sm', id: 'duban-units-apply', onclick: apply }, '确认导入'), ' ',
      el('button', { class: 'btn btn-default btn-sm', onclick: () => { state.preview = null; load(root); } }, '取消')));
}

function typesBox(root, changes) {
  const used = {};
  state.units.forEach(u => { used[u.type] = (used[u.type] || 0) + 1; });
  const code = el('input', { class: 'form-control input-sm', id: 'type-new-code', placeholder: '类型编码，如 village-clinic' });
  const name = el('input', { class: 'form-control input-sm', id: 'type-new-name', placeholder: '中文名称，如 村卫生室' });
  const save = async (c, n) => {
    try {
      await call('PUT', '/api/unit-types/' + encodeURIComponent(c), { name: n });
      state.message = { text: '已保存单位类型：' + n };
    } catch (e) {
      state.message = { error: true, text: e.message };
    }
    load(root);
  };
  return el('div', {},
    el('h3', {}, '单位类型'),
    el('table', { id: 'duban-unit-types', style: 'width:auto;min-width:560px' },
      el('thead', {}, el('tr', {}, ['编码', '中文名称', '单位数', ''].map(h => el('th', {}, h)))),
      el('tbody', {}, Object.entries(state.types).map(([c, n]) => {
        const input = el('input', { class: 'form-control input-sm', value: n });
        return el('tr', {}, el('td', {}, c), el('td', {}, input), el('td', {}, String(used[c] || 0)),
          el('td', {}, el('button', { class: 'btn btn-link btn-xs', onclick: () => save(c, input.value) }, '保存名称'),
            used[c] ? null : el('button', { class: 'btn btn-link btn-xs', onclick: async () => {
              try { await call('DELETE', '/api/unit-types/' + encodeURIComponent(c)); state.message = { text: '已删除单位类型 ' + n }; }
              catch (e) { state.message = { error: true, text: e.message }; }
              load(root);
            } }, '删除')));
      }),
      el('tr', {}, el('td', {}, code), el('td', {}, name), el('td', {}, ''),
        el('td', {}, el('button', { class: 'btn btn-default btn-xs', id: 'type-new-save', onclick: () => save(code.value.trim(), name.value) }, '新增类型'))))));
}

async function page(node) {
  try {
    await load(node);
  } catch (e) {
    node.innerHTML = '';
    node.appendChild(el('div', { class: 'duban-units' }, el('div', { class: 'error' }, e.message)));
  }
}

export default [
  {
    id: 'duban.units.route',
    pluginPoint: 'admin.route',
    properties: { path: '/units', label: '单位名册' },
    render: node => {
      state = Object.assign(state, { editing: null, message: null, preview: null });
      page(node);
    }
  },
  {
    id: 'duban.units.section',
    pluginPoint: 'admin.dashboard.section',
    priority: 20,
    properties: { label: '单位名册', pagePath: '#/units' },
    render: async node => {
      node.innerHTML = '';
      try {
        const r = await call('GET', '/api/units');
        node.appendChild(el('p', {}, `${r.units.filter(u => u.active).length} 个启用单位，${Object.keys(r.types).length} 种单位类型。`,
          el('a', { href: '#/units', id: 'duban-units-open' }, '管理单位、类型和名册导入 ›')));
      } catch (e) {
        node.appendChild(el('p', { class: 'text-muted' }, e.message));
      }
    }
  }
];
