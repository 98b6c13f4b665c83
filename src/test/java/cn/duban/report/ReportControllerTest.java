package cn.duban.report;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.duban.campaign.CampaignService;
import cn.duban.identity.CurrentUser;
import cn.duban.identity.Roles;
import cn.duban.unit.Units;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A unit's side of a campaign at the door (a slice): a unit reads and changes only its own report and attachments,
 * and an attachment of another unit is answered exactly like one that does not exist.
 */
@WebMvcTest(ReportController.class)
@org.springframework.context.annotation.Import(cn.duban.campaign.CampaignAccess.class)
class ReportControllerTest {

    static final CurrentUser ZYY = new CurrentUser("zyy-reporter", List.of(Roles.REPORTER, Roles.UNIT_GROUP_PREFIX + "zyy"));
    static final CurrentUser REVIEWER = new CurrentUser("reviewer1", List.of(Roles.REVIEWER));

    @Autowired MockMvc mvc;
    @MockitoBean CampaignService campaigns;

    @org.junit.jupiter.api.BeforeEach
    void everyNoticeIsTheDefaultOffices() {
        cn.duban.campaign.DefaultOfficeAccess.defaultOfficeCampaigns(campaigns);
    }
    @MockitoBean ReportService reports;
    @MockitoBean AttachmentService attachments;
    @MockitoBean ContributionService contributions;
    @MockitoBean Units units;
    @MockitoBean IdentityService identityService;
    @MockitoBean Downloads downloads;
    @MockitoBean ReportDrafts drafts;
    @MockitoBean DoneWork doneWork;
    @MockitoBean Rollups rollups;
    @MockitoBean cn.duban.identity.People people;

    @Test
    void aDraftIsSavedAndReadByTheUnitsOwnPeopleOnlyNotEvenByTheSection() throws Exception {
        String body = "{\"values\":{\"1\":\"3\"},\"summary\":\"半截总结\"}";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/campaigns/C1/units/rmyy/draft")
                        .requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("只能为本单位暂存填报内容"));
        mvc.perform(get("/api/campaigns/C1/units/rmyy/draft").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, REVIEWER))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("只能查看本单位暂存的内容"));
        verifyNoInteractions(drafts);

        when(drafts.save("C1", "zyy", new ReportPayload(Map.of("1", "3"), "半截总结", null, List.of()), "zyy-reporter"))
                .thenReturn(new ReportDrafts.Saved(LocalDateTime.of(2026, 3, 18, 9, 30), false, List.of("请上传“总结文档”"),
                        Map.of("summaryFile", "必传，请上传总结文档"), List.of(), false));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/campaigns/C1/units/zyy/draft")
                        .requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ready").value(false))
                .andExpect(jsonPath("$.fieldErrors.summaryFile").value("必传，请上传总结文档"));
        when(drafts.find("C1", "zyy")).thenReturn(Optional.empty());
        mvc.perform(get("/api/campaigns/C1/units/zyy/draft").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY))
                .andExpect(status().isOk()).andExpect(content().json("{}"));
    }

    @Test
    void doneWorkIsThePersonsOwnAsTheSessionSaysNotAsTheRequestSays() throws Exception {
        when(doneWork.of("zyy-reporter", List.of("zyy"))).thenReturn(new DoneWork.Lists(List.of(), List.of()));
        mvc.perform(get("/api/my/done").param("user", "reviewer1").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY))
                .andExpect(status().isOk()).andExpect(jsonPath("$.handedIn").isEmpty());
        verify(doneWork).of("zyy-reporter", List.of("zyy"));
    }

    @Test
    void aUnitDoesNotReadAnotherUnitsReportOrCheckFiguresOfANoticeItNeverGot() throws Exception {
        mvc.perform(get("/api/campaigns/C1/units/rmyy").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("只能查看本单位的报送"));
        mvc.perform(post("/api/campaigns/C9/figures/check").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"a\":\"1\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("无权查看该通知"));
        verifyNoInteractions(reports);
    }

    @Test
    void theReviewFormAsksTheRulesAsTheSectionDecidesAndAUnitAsksOnlyForItsHeadsApproval() throws Exception {
        String review = "{\"review\":true,\"approved\":false,\"comment\":\"\",\"newDueDate\":\"\"}";
        mvc.perform(post("/api/campaigns/C1/units/zyy/decision/check").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY)
                        .contentType(MediaType.APPLICATION_JSON).content(review))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("无权审核该单位的报送"));
        mvc.perform(post("/api/campaigns/C1/units/rmyy/decision/check").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"review\":false,\"approved\":true}"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(reports);

        when(reports.checkDecision("C1", true, false, "", "")).thenReturn(cn.duban.support.Decisions.check(false, "", null,
                cn.duban.support.Decisions.Return.REASON_AND_DUE_DATE, java.time.LocalDate.of(2026, 3, 20)));
        mvc.perform(post("/api/campaigns/C1/units/zyy/decision/check").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, REVIEWER)
                        .contentType(MediaType.APPLICATION_JSON).content(review))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ready").value(false))
                .andExpect(jsonPath("$.fieldErrors.comment").value("退回时请填写退回理由"))
                .andExpect(jsonPath("$.problems[1]").value("退回时请填写新的报送期限"));
        when(reports.checkDecision("C1", false, true, null, null)).thenReturn(cn.duban.support.Decisions.check(true, null, null,
                cn.duban.support.Decisions.Return.REASON, java.time.LocalDate.of(2026, 3, 20)));
        mvc.perform(post("/api/campaigns/C1/units/zyy/decision/check").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"review\":false,\"approved\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ready").value(true));
    }

    @Test
    void aUnitUploadsOnlyForItself() throws Exception {
        MockMultipartFile photo = new MockMultipartFile("file", "现场.jpg", "image/jpeg", new byte[] {1, 2, 3});
        mvc.perform(multipart("/api/campaigns/C1/units/rmyy/attachments").file(photo).param("kind", "PHOTO")
                        .requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("只能为本单位上传附件"));
        verifyNoInteractions(attachments);
        when(attachments.stage(eq("C1"), eq("zyy"), eq("PHOTO"), org.mockito.ArgumentMatchers.isNull(), eq("现场.jpg"),
                org.mockito.ArgumentMatchers.argThat((AttachmentService.Upload u) -> u != null && u.size() == 3), eq("zyy-reporter")))
                .thenReturn(new AttachmentInfo(7, null, "PHOTO", "现场.jpg", "image/jpeg", 3, "x", "zyy-reporter", LocalDateTime.now()));
        mvc.perform(multipart("/api/campaigns/C1/units/zyy/attachments").file(photo).param("kind", "PHOTO")
                        .requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(7));
    }

    @Test
    void anotherUnitsAttachmentIsAnsweredLikeAMissingOneAndNeitherIsTouched() throws Exception {
        when(attachments.owner(5)).thenReturn(Optional.of(new ReportRepository.AttachmentOwner(5, "C1", "rmyy", null, "a.jpg", "image/jpeg", null, null, 1L)));
        when(attachments.owner(6)).thenReturn(Optional.empty());
        for (long id : new long[] {5, 6}) {
            mvc.perform(get("/api/attachments/" + id).requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("附件不存在或无权访问"));
            mvc.perform(delete("/api/attachments/" + id).requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("附件不存在或无权访问"));
        }
        verify(attachments, never()).copyTo(anyLong(), any());
        verify(attachments, never()).deleteStaged(anyLong());
        verifyNoInteractions(downloads);
    }

    @Test
    void aFileSentWithAContributionOpensForTheItemsLeadAndNoOtherUnit() throws Exception {
        // rmyy sent a file with its part of item 5, which zyy leads and which other units neither lead nor sent
        when(attachments.owner(8)).thenReturn(Optional.of(new ReportRepository.AttachmentOwner(8, "C1", "rmyy", null, "现场.jpg",
                "image/jpeg", "5", 44L, 1L)));
        org.mockito.Mockito.doAnswer(i -> {
            i.<java.io.OutputStream>getArgument(1).write(new byte[] {7});
            return null;
        }).when(attachments).copyTo(eq(8L), any());
        when(contributions.anyLeads("C1", "5", List.of("zyy"))).thenReturn(true);
        var streamed = mvc.perform(get("/api/attachments/8").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY))
                .andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(streamed)).andExpect(status().isOk()).andExpect(content().bytes(new byte[] {7}));
        CurrentUser other = new CurrentUser("lcz-reporter", List.of(Roles.REPORTER, Roles.UNIT_GROUP_PREFIX + "lcz"));
        mvc.perform(get("/api/attachments/8").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, other))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("附件不存在或无权访问"));
        // a staged file of a unit's own report is never the lead's, whatever the item
        when(attachments.owner(9)).thenReturn(Optional.of(new ReportRepository.AttachmentOwner(9, "C1", "rmyy", null, "总结.pdf",
                "application/pdf", null, null, 1L)));
        mvc.perform(get("/api/attachments/9").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY)).andExpect(status().isForbidden());
        verify(attachments, never()).copyTo(eq(9L), any());
    }

    @Test
    void theSectionOpensAPhotoInlineWithItsChineseNameAndTheDownloadIsAudited() throws Exception {
        when(attachments.owner(5)).thenReturn(Optional.of(new ReportRepository.AttachmentOwner(5, "C1", "rmyy", 3L, "现场.jpg", "image/jpeg", null, null, 1L)));
        org.mockito.Mockito.doAnswer(i -> {
            i.<java.io.OutputStream>getArgument(1).write(new byte[] {9, 8});
            return null;
        }).when(attachments).copyTo(eq(5L), any());
        var streamed = mvc.perform(get("/api/attachments/5").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, REVIEWER))
                .andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(streamed))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", Matchers.allOf(Matchers.startsWith("inline;"),
                        Matchers.containsString("filename*=UTF-8''%E7%8E%B0%E5%9C%BA.jpg"))))
                .andExpect(content().bytes(new byte[] {9, 8}));
        verify(downloads).record("C1", "rmyy", "附件 现场.jpg", "reviewer1");
    }

    @Test
    void aFigureCheckOfTheUnitsOwnNoticeIsAnswered() throws Exception {
        when(campaigns.reachesAnyOf("C1", List.of("zyy"))).thenReturn(true);
        when(reports.checkFigures("C1", "zyy", Map.of("a", "x"))).thenReturn(Map.of("errors", Map.of("a", "请填写数字")));
        mvc.perform(post("/api/campaigns/C1/figures/check").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, ZYY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"a\":\"x\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.errors.a").value("请填写数字"));
        verify(attachments, never()).stage(anyString(), anyString(), anyString(), any(), anyString(), any(AttachmentService.Upload.class), anyString());
    }
}
