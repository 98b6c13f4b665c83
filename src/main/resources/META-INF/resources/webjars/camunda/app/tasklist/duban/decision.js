// What every decision form does the same way (科长核稿 and 领导签发 of a notice and of a 督办通报, 审核报送 and
// 单位负责人审批): it learns which of its two steps the task is, asks the server's own rules as the person decides
// (the verdict handing the decision in would get, each problem at its field), and hands the decision in only once
// the step is known and the last answer is in. Loaded with Tasklist (scripts/config.js); a form's script calls
//   window.dubanDecision(camForm, $http, vm, { firstStep, checkUrl(), body(), hand(put) }).start()
// once it knows what it decides on; its confirm() says, once Tasklist has accepted 办结, what was decided and what happens
// next (duban/confirm.js). Only the rules' answers are used: nothing here decides anything.

function decision(camForm, $http, vm, o) {
  let asked = 0;
  // Angular's promises, so that an answer is shown as soon as it comes
  const $q = () => camForm.formElement.injector().get('$q');
  const touched = {};

  function put(name, type, value, transient) {
    const v = camForm.variableManager.variable(name);
    if (v) {
      v.value = value;
    } else {
      camForm.variableManager.createVariable({ name, type, value, valueInfo: transient ? { transient: true } : {} });
    }
  }

  function check() {
    const n = ++asked;
    vm.checking = true;
    // asked quietly (duban/calls.js): an answer that is not a verdict never raises Tasklist's error over the form
    return $q().when(window.dubanCall('POST', o.checkUrl(), o.body())).then(
      r => { if (n === asked) { vm.checking = false; vm.verdict = r.data; if (r.data.ready) { vm.error = null; } } },
      () => { if (n === asked) { vm.checking = false; vm.verdict = null; } });
  }

  vm.changed = field => { touched[field] = true; check(); };
  vm.shown = field => !!(vm.verdict && vm.verdict.fieldErrors[field] && (vm.tried || touched[field]));

  camForm.on('submit', evt => {
    vm.tried = true;
    const refuse = message => { vm.error = message; evt.submitPrevented = true; };
    if (vm.review === undefined) return refuse('正在读取任务，请稍候再点“办结”');
    if (vm.checking) return refuse('正在检查刚填写的内容，请稍候再点“办结”');
    if (vm.verdict && !vm.verdict.ready) return refuse(vm.verdict.problems.join('；'));
    vm.error = null;
    o.hand(put);
  });

  camForm.on('submit-success', () => {
    if (o.confirm && window.dubanConfirm) {
      const said = o.confirm();
      window.dubanConfirm(said[0], said[1]);
    }
  });

  return {
    /** Reads which step the task is (vm.review: the first of the two), then asks the rules once. */
    start() {
      $http.get('/camunda/api/engine/engine/default/task/' + camForm.taskId).then(r => {
        vm.review = r.data.taskDefinitionKey === o.firstStep;
        check();
      }, () => { vm.error = '任务读取失败，请刷新页面'; });
    }
  };
}

window.dubanDecision = decision;

export default [];
