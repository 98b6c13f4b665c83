// duban's Admin configuration: Chinese by default (locales/zh.json, shipped by duban, with English for
// the texts it does not translate), the section 登录锁定与账号变更 on Admin's dashboard (duban/accounts.js), and
// the page 单位名册 (#/units) with its section on the dashboard (duban/units.js), and 工作日历 (duban/calendar.js).
// Overrides the webjar's scripts/config.js.
export default {
  app: {
    name: '用户管理',
    vendor: '督办'
  },
  customScripts: ['duban/accounts', 'duban/units', 'duban/calendar', 'duban/offices'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 HH:mm:ss',
    short: 'YYYY-MM-DD'
  }
};
