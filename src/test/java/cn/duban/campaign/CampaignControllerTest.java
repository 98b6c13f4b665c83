package cn.duban.campaign;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.Roles;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Templates and notices at the door (a slice): who may list, upload and read, and what the others are told. */
@WebMvcTest(CampaignController.class)
@org.springframework.context.annotation.Import(cn.duban.campaign.CampaignAccess.class)
class CampaignControllerTest {

    static final CurrentUser DRAFTER = new CurrentUser("liuni", List.of(Roles.DRAFTER));
    static final CurrentUser REVIEWER = new CurrentUser("reviewer1", List.of(Roles.REVIEWER));
    static final CurrentUser UNIT = new CurrentUser("zyy-reporter", List.of(Roles.REPORTER, Roles.UNIT_GROUP_PREFIX + "zyy"));

    @Autowired MockMvc mvc;
    @MockitoBean TemplateCatalog catalog;
    @MockitoBean CampaignService campaigns;

    @org.junit.jupiter.api.BeforeEach
    void everyNoticeIsTheDefaultOffices() {
        cn.duban.campaign.DefaultOfficeAccess.defaultOfficeCampaigns(campaigns);
    }
    @MockitoBean cn.duban.identity.People people;
    @MockitoBean NoticeDrafts drafts;

    @Test
    void aUnitListsNoTemplatesAndNoCampaigns() throws Exception {
        mvc.perform(get("/api/templates").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("仅局机关人员可以访问"));
        mvc.perform(get("/api/campaigns").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isForbidden());
        verifyNoInteractions(catalog, campaigns);
    }

    @Test
    void onlyADrafterUploadsATemplateAndAnOversizedFileIsRefusedUnread() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "t.yaml", "text/yaml", "code: x".getBytes());
        mvc.perform(multipart("/api/templates").file(file).requestAttr(CurrentUser.REQUEST_ATTRIBUTE, REVIEWER))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("只有拟稿人可以上传活动模板"));
        byte[] huge = new byte[TemplateParser.MAX_SOURCE_CHARS * 4 + 1];
        mvc.perform(multipart("/api/templates").file(new MockMultipartFile("file", "t.yaml", "text/yaml", huge))
                        .requestAttr(CurrentUser.REQUEST_ATTRIBUTE, DRAFTER))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("活动模板有误：模板文件过大"));
        verify(catalog, never()).upload(anyString(), anyString());

        CampaignTemplate t = mock(CampaignTemplate.class);
        when(t.code()).thenReturn("x");
        when(t.title()).thenReturn("测试通知");
        when(catalog.upload("code: x", "liuni")).thenReturn(t);
        mvc.perform(multipart("/api/templates").file(file).requestAttr(CurrentUser.REQUEST_ATTRIBUTE, DRAFTER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("测试通知"));
    }

    @Test
    void aUnitReadsANoticeThatReachedItWithoutTheSectionsDecisionsAndNoOtherNotice() throws Exception {
        Campaign c = campaign();
        when(campaigns.get("C1")).thenReturn(c);
        when(campaigns.reachesAnyOf("C1", List.of("zyy"))).thenReturn(true);
        when(people.names(List.of("zhangke"))).thenReturn(Map.of("zhangke", "张珂"));
        when(campaigns.decisions("C1")).thenReturn(List.of(new NoticeDecision("REVIEW", false, "请改正文", "zhangke", LocalDateTime.now())));
        mvc.perform(get("/api/campaigns/C1").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("通知")).andExpect(jsonPath("$.decisions").isEmpty());
        mvc.perform(get("/api/campaigns/C1").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, REVIEWER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.decisions[0].comment").value("请改正文"))
                .andExpect(jsonPath("$.names.zhangke").value("张珂"));
        mvc.perform(get("/api/campaigns/C2").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("无权查看该通知"));
        verify(campaigns, never()).get("C2");
    }

    @Test
    void theNoticeDecisionFormsAskTheRulesAndAUnitMayNot() throws Exception {
        mvc.perform(post("/api/campaigns/C1/decision/check").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approved\":false}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("仅本通知的主办科室、局领导和运维人员可以查看"));
        verifyNoInteractions(campaigns);
        when(campaigns.checkDecision(false, " ")).thenReturn(cn.duban.support.Decisions.check(false, " ", null,
                cn.duban.support.Decisions.Return.REASON, LocalDate.of(2026, 3, 20)));
        mvc.perform(post("/api/campaigns/C1/decision/check").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, REVIEWER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approved\":false,\"comment\":\" \"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ready").value(false))
                .andExpect(jsonPath("$.fieldErrors.comment").value("退回时请填写退回理由"));
    }

    @Test
    void onlyADrafterRetiresOrDeletesATemplateAndTheListWithRetiredOnesIsTheSections() throws Exception {
        mvc.perform(post("/api/templates/t1/retire").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, REVIEWER))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("只有拟稿人可以管理活动模板"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/templates/t1")
                        .requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/templates").param("all", "true").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isForbidden());
        verifyNoInteractions(catalog);
        mvc.perform(post("/api/templates/t1/retire").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, DRAFTER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.retired").value(true));
        verify(catalog).retire("t1", true, "liuni");
        mvc.perform(get("/api/templates").param("all", "true").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, REVIEWER))
                .andExpect(status().isOk());
        verify(catalog).list(true);
    }

    @Test
    void theDrafterReadsAndSavesOnlyTheirOwnDraftAndNobodyElseDrafts() throws Exception {
        // another office's drafter drafts its own office's notices, not 综合监督科's
        CurrentUser otherOffice = new CurrentUser("fbg-d", List.of(Roles.officeGroup("fbg", Roles.OfficeRole.DRAFTER)));
        for (CurrentUser other : List.of(REVIEWER, UNIT, otherOffice)) {
            mvc.perform(get("/api/campaigns/C1/notice-draft").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, other))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("只有拟稿人可以起草和暂存通知"));
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/campaigns/C1/notice-draft")
                            .requestAttr(CurrentUser.REQUEST_ATTRIBUTE, other).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\"}"))
                    .andExpect(status().isForbidden());
        }
        verifyNoInteractions(drafts);
        when(drafts.find("C1", "liuni")).thenReturn(java.util.Optional.of(new NoticeDrafts.Draft(
                new NoticeDraft("关于开展冬季健康宣传活动的通知", null, "各单位：", LocalDate.of(2026, 12, 20), null),
                LocalDateTime.of(2026, 12, 8, 9, 30))));
        mvc.perform(get("/api/campaigns/C1/notice-draft").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, DRAFTER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.notice.title").value("关于开展冬季健康宣传活动的通知"))
                .andExpect(jsonPath("$.notice.deadline").value("2026-12-20"));
        when(drafts.save(org.mockito.ArgumentMatchers.eq("C1"), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.eq("liuni")))
                .thenReturn(new NoticeDrafts.Saved(LocalDateTime.of(2026, 12, 8, 9, 31), false, List.of("字段 title 必填"), Map.of("title", "必填")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/campaigns/C1/notice-draft")
                        .requestAttr(CurrentUser.REQUEST_ATTRIBUTE, DRAFTER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\",\"deadline\":\"2026-12-20\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ready").value(false)).andExpect(jsonPath("$.fieldErrors.title").value("必填"));
        verify(drafts).save("C1", new NoticeDraft("", null, null, LocalDate.of(2026, 12, 20), null), "liuni");
    }

    @Test
    void a已办OfNoticesIsTheSectionsAndAUnitHasNone() throws Exception {
        mvc.perform(get("/api/my/done/notices").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isOk()).andExpect(jsonPath("$.drafted").isEmpty()).andExpect(jsonPath("$.decided").isEmpty());
        verifyNoInteractions(campaigns);
        when(campaigns.workOf("liuni", 200)).thenReturn(new CampaignService.NoticeWork(List.of(new CampaignService.Drafted("C1",
                "关于开展活动的通知", "沂卫字〔2026〕3号", "核稿中", LocalDateTime.of(2026, 12, 8, 9, 0))), List.of()));
        mvc.perform(get("/api/my/done/notices").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, DRAFTER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.drafted[0].statusLabel").value("核稿中"));
    }

    private static Campaign campaign() throws Exception {
        CampaignTemplate t = TemplateParser.parse(TemplateParserTest.seed("yiyuan-health-2024-315"));
        return new Campaign("C1", t.code(), "通知", null, t, CampaignStatus.ISSUED, LocalDate.of(2026, 3, 20), null, "liuni",
                LocalDateTime.now(), LocalDateTime.now(), null, null, null, "zhjdk");
    }
}
