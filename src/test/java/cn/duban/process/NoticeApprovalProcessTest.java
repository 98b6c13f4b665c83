package cn.duban.process;

import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import static cn.duban.Driver.transientString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.Driver;
import cn.duban.EngineTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** bpmn/noticeApproval.bpmn: draft → section-head review → leader sign-off, with both returns. */
@EngineTest
class NoticeApprovalProcessTest {

    @Autowired Driver driver;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired CampaignService campaigns;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;

    String campaignId;
    ProcessInstance pi;

    @BeforeEach
    void start() {
        AbstractAssertions.init(engine);
        driver.sectionPeople();
        campaignId = campaigns.createDraft("yiyuan-health-2024-315", java.time.LocalDate.now().plusDays(10), "drafter1").id();
        pi = runtimeService.startProcessInstanceByKey(NoticeApprovalProcess.KEY, campaignId,
                Map.of(CampaignProcess.CAMPAIGN_ID.name(), campaignId, "drafter", "drafter1"));
        assertThat(pi).isWaitingAt(NoticeApprovalProcess.DRAFT_NOTICE);
    }

    @Test
    void draftReviewedAndSignedEndsSignedOff() {
        draft("沂卫字〔2024〕12号");
        review(true, null);
        assertThat(pi).isWaitingAt(NoticeApprovalProcess.SIGN_OFF_NOTICE);
        signOff(true, "同意印发");
        assertThat(pi).isEnded().hasPassed("noticeSignedOff");
        assertThat(campaigns.get(campaignId).status()).isEqualTo(CampaignStatus.SIGNED);
        assertThat(campaigns.get(campaignId).documentNumber()).isEqualTo("沂卫字〔2024〕12号");
        assertThat(campaigns.decisions(campaignId)).hasSize(2);
    }

    /** Tasklist's list says which notice each task is about; a step meant for the group's only member is already theirs. */
    @Test
    void tasksAreNamedAfterTheNoticeAndTheOnlyMemberOfAGroupNeedsNoClaim() {
        var drafting = driver.task(campaignId, NoticeApprovalProcess.DRAFT_NOTICE);
        assertThat(drafting.getName()).isEqualTo("起草通知 · 2024年“3·15”国际消费者权益日活动方案");
        draft(null);
        var review = driver.task(campaignId, NoticeApprovalProcess.REVIEW_NOTICE);
        assertThat(review.getName()).startsWith("科长核稿 · 2024年“3·15”");
        var heads = identityService.createUserQuery().memberOfGroup("section-head").list();
        assertThat(review.getAssignee()).as("section heads: %s", heads.size())
                .isEqualTo(heads.size() == 1 ? heads.get(0).getId() : null);
        identityService.createMembership("drafter1", "section-head");
        try {
            review(false, "请补充文号");
            draft(null);
            assertThat(driver.task(campaignId, NoticeApprovalProcess.REVIEW_NOTICE).getAssignee())
                    .as("two section heads: the task waits for whichever claims it").isNull();
        } finally {
            identityService.deleteMembership("drafter1", "section-head");
        }
    }

    @Test
    void reviewReturnGoesBackToTheDrafterWithTheReason() {
        draft(null);
        review(false, "请补充文号");
        assertThat(pi).isWaitingAt(NoticeApprovalProcess.DRAFT_NOTICE);
        assertThat(campaigns.get(campaignId).status()).isEqualTo(CampaignStatus.DRAFTING);
        assertThat(campaigns.decisions(campaignId)).singleElement().satisfies(d -> assertThat(d.comment()).isEqualTo("请补充文号"));
        draft("沂卫字〔2024〕13号");
        review(true, null);
        signOff(true, null);
        assertThat(pi).isEnded();
    }

    @Test
    void signOffReturnGoesBackToTheDrafter() {
        draft(null);
        review(true, null);
        signOff(false, "截止日期再放宽两天");
        assertThat(pi).isWaitingAt(NoticeApprovalProcess.DRAFT_NOTICE);
    }

    @Test
    void aReturnWithoutReasonIsRefusedAndNothingChanges() {
        draft(null);
        assertThatThrownBy(() -> review(false, "  ")).hasMessageContaining("退回时请填写退回理由");
        assertThat(pi).isWaitingAt(NoticeApprovalProcess.REVIEW_NOTICE);
        assertThat(campaigns.decisions(campaignId)).isEmpty();
    }

    void draft(String number) {
        String deadline = "\"deadline\":\"" + java.time.LocalDate.now().plusDays(10) + "\"";
        String json = number == null ? "{" + deadline + "}" : "{\"documentNumber\":\"" + number + "\"," + deadline + "}";
        driver.submit("drafter1", driver.task(campaignId, NoticeApprovalProcess.DRAFT_NOTICE),
                Map.of(NoticeApprovalProcess.DRAFT.name(), transientString(json)));
    }

    void review(boolean ok, String comment) {
        driver.submit("head1", driver.task(campaignId, NoticeApprovalProcess.REVIEW_NOTICE),
                Map.of(NoticeApprovalProcess.NOTICE_REVIEWED.name(), ok, NoticeApprovalProcess.COMMENT.name(), transientString(comment == null ? "" : comment)));
    }

    void signOff(boolean ok, String comment) {
        driver.submit("leader1", driver.task(campaignId, NoticeApprovalProcess.SIGN_OFF_NOTICE),
                Map.of(NoticeApprovalProcess.NOTICE_SIGNED.name(), ok, NoticeApprovalProcess.COMMENT.name(), transientString(comment == null ? "" : comment)));
    }
}
