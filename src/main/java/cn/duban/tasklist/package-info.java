/** Tasklist's shared filters, created at start-up: 我的待办, 本单位待办, 待审核报送, 已逾期. */
package cn.duban.tasklist;
