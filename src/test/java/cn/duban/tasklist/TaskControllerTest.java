package cn.duban.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.People;
import cn.duban.identity.Roles;
import cn.duban.process.TaskDuties;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** What Tasklist is told when a task is opened (a slice): take it, or who holds it, or that it is not one's own. */
@WebMvcTest(TaskController.class)
class TaskControllerTest {

    static final CurrentUser YANGLEI = new CurrentUser("yanglei", List.of(Roles.DRAFTER, Roles.REVIEWER));
    static final CurrentUser UNIT = new CurrentUser("rmyy-reporter", List.of(Roles.REPORTER, Roles.UNIT_GROUP_PREFIX + "rmyy"));

    @Autowired MockMvc mvc;
    @MockitoBean TaskDuties duties;
    @MockitoBean People people;

    @Test
    void aTaskNobodyHoldsThatThePersonMayDoIsToBeTakenWithoutAWord() throws Exception {
        when(duties.of("t1", "yanglei", YANGLEI.groups())).thenReturn(Optional.of(new TaskDuties.Duty(true, null, true)));
        mvc.perform(get("/api/tasks/t1/duty").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, YANGLEI))
                .andExpect(status().isOk()).andExpect(jsonPath("$.mayDo").value(true)).andExpect(jsonPath("$.held").value(false))
                .andExpect(jsonPath("$.message").value(""));
    }

    @Test
    void theLinkBesideATaskLeadsTheSectionToTheBoardOperatorsToCockpitAndAUnitNowhere() throws Exception {
        var duty = new TaskDuties.Duty(true, null, true, "C20261208-abc123", "rmyy");
        assertThat(TaskController.board(YANGLEI, duty)).isEqualTo("/camunda/app/cockpit/default/#/duban?campaign=C20261208-abc123&unit=rmyy");
        assertThat(TaskController.board(new CurrentUser("operator", List.of(Roles.OPERATOR)), duty)).isEqualTo("cockpit");
        assertThat(TaskController.board(UNIT, duty)).isEmpty();
        when(duties.of("t1", "yanglei", YANGLEI.groups())).thenReturn(Optional.of(new TaskDuties.Duty(true, null, true, "C1", null)));
        mvc.perform(get("/api/tasks/t1/duty").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, YANGLEI))
                .andExpect(status().isOk()).andExpect(jsonPath("$.board").value("/camunda/app/cockpit/default/#/duban?campaign=C1"));
    }

    @Test
    void aTaskAColleagueHoldsSaysByWhomByName() throws Exception {
        when(duties.of("t1", "yanglei", YANGLEI.groups())).thenReturn(Optional.of(new TaskDuties.Duty(false, "wangshu", true)));
        when(people.names(List.of("wangshu"))).thenReturn(Map.of("wangshu", "王舒"));
        mvc.perform(get("/api/tasks/t1/duty").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, YANGLEI))
                .andExpect(status().isOk()).andExpect(jsonPath("$.holderName").value("王舒"))
                .andExpect(jsonPath("$.message").value("此任务由王舒办理中：您可以查看，不能办结。"));
    }

    @Test
    void aTaskThatIsNotThePersonsNamesNobodyAndOneGoneAsksToRefresh() throws Exception {
        when(duties.of("t1", "rmyy-reporter", UNIT.groups())).thenReturn(Optional.of(new TaskDuties.Duty(false, "rmyy-head", false)));
        mvc.perform(get("/api/tasks/t1/duty").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isOk()).andExpect(jsonPath("$.holderName").value(""))
                .andExpect(jsonPath("$.message").value("此任务不属于您的职责：您可以查看，不能办理。"));
        when(duties.of("t2", "rmyy-reporter", UNIT.groups())).thenReturn(Optional.empty());
        mvc.perform(get("/api/tasks/t2/duty").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isOk()).andExpect(jsonPath("$.found").value(false))
                .andExpect(jsonPath("$.message").value("该任务已经办结或不存在，请刷新任务列表"));
    }
}
