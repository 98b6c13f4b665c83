/**
 * Tasklist as the county's people use it: the shared filters created at start-up (我的待办, 本单位待办, 待审核报送, 已逾期),
 * and what Tasklist asks when a task is opened (whose it is: {@code GET /api/tasks/{id}/duty}).
 */
package cn.duban.tasklist;
