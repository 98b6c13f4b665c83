// duban's Cockpit configuration: Chinese by default (locales/zh.json, shipped by duban, with English for
// the texts it does not translate), and the campaign dashboard plugin (duban/dashboard.js).
// Overrides the webjar's scripts/config.js.
export default {
  app: {
    name: '监控',
    vendor: '督办'
  },
  customScripts: ['duban/dashboard', 'duban/alerts'],
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
