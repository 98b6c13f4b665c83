// After 办结 a task leaves the list at once; the person is told what they did and what happens next (issue 30 §9):
// 已报送 / 已签发 / 已退回 …, under the header, until they close it or open another task. A form calls, when Tasklist
// has accepted its 办结 (camForm's submit-success),
//   window.dubanConfirm('已报送（第 2 版）', '下一步：综合监督科审核；结果以邮件告知，也可在“已办”中查看。')
// Plain DOM, no inline handlers.

import { el } from '../../duban/dom.js';

const STYLE = `
#duban-confirm { position: fixed; top: 62px; left: 50%; transform: translateX(-50%); z-index: 1900; width: min(640px, calc(100vw - 24px));
  background: #dff0d8; border: 1px solid #b2d8a3; color: #2b542c; border-radius: 4px; padding: 10px 40px 10px 14px;
  box-shadow: 0 2px 10px rgba(0,0,0,.2); font-size: 14px; }
#duban-confirm strong { font-size: 16px; display: block; margin-bottom: 2px; }
#duban-confirm .close { position: absolute; right: 10px; top: 6px; border: 0; background: none; font-size: 22px; line-height: 1; cursor: pointer; color: #2b542c; }
@media (max-width: 767px) { #duban-confirm { top: 54px; } }
`;

let styled = false;
let shownFor = null;

function close() {
  const box = document.getElementById('duban-confirm');
  if (box) box.remove();
}

function confirm(what, next) {
  if (!styled) {
    const s = document.createElement('style');
    s.textContent = STYLE;
    document.head.appendChild(s);
    styled = true;
    // opening another task is moving on: the note of the last one goes
    window.addEventListener('hashchange', () => {
      const m = /[?&]task=([^&]+)/.exec(window.location.hash);
      if (m && m[1] !== shownFor) close();
    });
  }
  close();
  const m = /[?&]task=([^&]+)/.exec(window.location.hash);
  shownFor = m ? m[1] : null;
  document.body.appendChild(el('div', { id: 'duban-confirm', role: 'status' },
    el('button', { class: 'close', type: 'button', title: '关闭', onclick: close }, '×'),
    el('strong', {}, '✓ ' + what), next ? el('div', {}, next) : null));
}

window.dubanConfirm = confirm;

export default [];
