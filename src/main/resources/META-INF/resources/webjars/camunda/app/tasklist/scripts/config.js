// duban's Tasklist configuration: Chinese by default (locales/zh.json, shipped by duban), English for
// browsers that ask for it; the forms' background calls past Tasklist's error toasts (duban/calls.js); a task nobody
// holds taken by opening it (duban/claim.js); every filter shows its count (duban/filter-counts.js), 已办 in the header (duban/done.js), notifications away from 办结
// and a phone layout (duban/layout.js); what every decision form shares (duban/decision.js). Overrides the webjar's
// scripts/config.js.
export default {
  app: {
    name: '待办',
    vendor: '督办'
  },
  customScripts: ['duban/calls', 'duban/confirm', 'duban/claim', 'duban/layout', 'duban/filter-counts', 'duban/done', 'duban/decision', 'duban/sheet'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '跳到筛选器列表的第一项'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '跳到任务列表的第一项'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '跳到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框'
    }
  }
};
