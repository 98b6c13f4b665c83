// What the fill-in form (bpmn/forms/report-fill.html) works out on its own as a person types: a cell's name among
// the values, a row's subtotal and a column's 合计 as typed, which values of a handed-in version a person typed, how
// many rows a unit added, the cells carried from a roll-up's members, the values another form offers a choice column.
// The server works the same out with report.TableFigures and judges every hand-in itself; SheetRulesTest runs this
// file in Rhino in the fast loop and holds its sums to TableFigures' for every table shape. A plain script (no import
// or export), loaded with Tasklist through duban/sheet.js, so that a pure-Java engine runs it as it is.
(function (root) {
  'use strict';

  /** A cell's name among a unit's values: the form's prefix (none for a notice's one table), the row, the column. */
  function key(s, row, col) { return s.prefix + row + '.' + col; }

  /** The input's name in the page: c_附件编码_行_列. */
  function name(s, row, col) { return 'c_' + (s.prefix ? s.code + '_' : '') + row + '_' + col; }

  /** A typed figure as a number (a thousands separator typed, 1,234.5, read as the server reads it); 0 when none. */
  function num(v) {
    var x = parseFloat(String(v === undefined || v === null ? '' : v).replace(/[,，]/g, ''));
    return isNaN(x) ? 0 : x;
  }

  /** A computed column's value in one row: the sum of the columns it adds, in its scale. */
  function rowSum(s, row, c, values) {
    return c.sumOf.reduce(function (t, code) { return t + num(values[key(s, row, code)]); }, 0).toFixed(c.scale);
  }

  /** A number column's 合计 over the rows shown, in its scale (a computed column's over its row sums). */
  function columnTotal(s, c, lines, values) {
    return (lines || []).reduce(function (t, l) {
      return t + (c.type === 'COMPUTED' ? num(rowSum(s, l.key, c, values)) : num(values[key(s, l.key, c.code)]));
    }, 0).toFixed(c.scale);
  }

  /** A simple table's subtotal row (an indicator that adds others), as typed. */
  function subtotal(ind, values) {
    return ind.sumOf.reduce(function (t, code) { return t + num(values[code]); }, 0);
  }

  /** The form a value belongs to: by its prefix, or the one form without one. */
  function sheetOf(sheets, k) {
    return (sheets || []).filter(function (s) { return s.prefix ? k.indexOf(s.prefix) === 0 : k.indexOf(':') < 0; })[0];
  }

  /**
   * What a person typed of a handed-in version or a draft: its figures as text and its texts, without what was
   * computed (a computed column, the 合计 row).
   */
  function typedValues(sheets, report) {
    var out = {};
    Object.keys(report.values || {}).forEach(function (k) {
      var s = sheetOf(sheets, k), cell = s ? k.slice(s.prefix.length) : k, col = cell.slice(cell.lastIndexOf('.') + 1);
      var computed = s && s.columns.some(function (c) { return c.code === col && c.type === 'COMPUTED'; });
      if (cell.indexOf('_total.') !== 0 && !computed) { out[k] = String(report.values[k]); }
    });
    Object.keys(report.texts || {}).forEach(function (k) { out[k] = report.texts[k]; });
    return out;
  }

  /** How many rows a form whose rows the unit adds shows: as many as were filled, at least its minimum and one. */
  function addedRows(sheets, s, values) {
    var n = 0;
    Object.keys(values).forEach(function (k) {
      var owner = sheetOf(sheets, k);
      if (!owner || owner.prefix !== s.prefix) { return; }
      var m = /^(\d+)\./.exec(k.slice(s.prefix.length));
      if (m) { n = Math.max(n, +m[1]); }
    });
    return Math.max(n, s.added.min, 1);
  }

  /** Whether a cell is carried from a member's approved report (read only). */
  function carried(s, row, col) {
    return !!s.carriedRows && s.carriedRows.indexOf(row) >= 0 && s.carriedColumns.indexOf(col) >= 0;
  }

  /** The values with every carried cell as the server sent it (a member not approved: none). */
  function carry(sheets, values) {
    (sheets || []).forEach(function (s) {
      (s.carriedRows || []).forEach(function (row) {
        s.carriedColumns.forEach(function (col) {
          var k = key(s, row, col);
          if (s.carried[k] !== undefined) { values[k] = s.carried[k]; } else { delete values[k]; }
        });
      });
    });
    return values;
  }

  /** What a choice column that names another form's values offers: that form's filled values, once each, and its own. */
  function fromValues(sheets, lines, values, s, c, row) {
    var f = s.from[c.code], source = (sheets || []).filter(function (x) { return x.code === f.table; })[0];
    if (!source) { return []; }
    var out = [];
    (lines[source.prefix] || []).forEach(function (l) {
      var v = values[key(source, l.key, f.column)];
      if (v && String(v).trim() && out.indexOf(String(v).trim()) < 0) { out.push(String(v).trim()); }
    });
    var mine = values[key(s, row, c.code)];
    if (mine && out.indexOf(mine) < 0) { out.push(mine); }
    return out;
  }

  root.dubanSheet = { key: key, name: name, num: num, rowSum: rowSum, columnTotal: columnTotal, subtotal: subtotal, sheetOf: sheetOf,
    typedValues: typedValues, addedRows: addedRows, carried: carried, carry: carry, fromValues: fromValues };
})(typeof window !== 'undefined' ? window : this);
