package cn.duban.document;

import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.duban.campaign.CampaignService;
import cn.duban.campaign.DocumentNumbers;
import cn.duban.identity.CurrentUser;
import cn.duban.identity.Roles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The notice's document and the circulars at the door (a slice): who may read and generate them. */
@WebMvcTest(DocumentController.class)
@org.springframework.context.annotation.Import(cn.duban.campaign.CampaignAccess.class)
class DocumentControllerTest {

    static final CurrentUser REVIEWER = new CurrentUser("reviewer1", List.of(Roles.REVIEWER));
    static final CurrentUser UNIT = new CurrentUser("zyy-reporter", List.of(Roles.REPORTER, Roles.UNIT_GROUP_PREFIX + "zyy"));

    @Autowired MockMvc mvc;
    @MockitoBean NoticeDocuments documents;
    @MockitoBean CampaignService campaigns;

    @org.junit.jupiter.api.BeforeEach
    void everyNoticeIsTheDefaultOffices() {
        cn.duban.campaign.DefaultOfficeAccess.defaultOfficeCampaigns(campaigns);
    }
    @MockitoBean DocumentNumbers numbers;
    @MockitoBean Circulars circulars;

    @Test
    void aUnitReadsOnlyANoticeThatReachedItAndNeverTheCirculars() throws Exception {
        when(campaigns.reachesAnyOf("C1", List.of("zyy"))).thenReturn(false);
        for (String path : List.of("/api/campaigns/C1/notice.docx", "/api/campaigns/C1/notice.pdf", "/api/campaigns/C1/notice.html")) {
            mvc.perform(get(path).requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("无权查看该通知"));
        }
        for (String path : List.of("/api/campaigns/C1/circular.docx", "/api/campaigns/C1/supervision-orders.docx",
                "/api/campaigns/C1/document-number/suggestion")) {
            mvc.perform(get(path).requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT)).andExpect(status().isForbidden());
        }
        verifyNoInteractions(documents, circulars, numbers);
        verify(campaigns, never()).get("C1");
    }

    @Test
    void thePreviewMayBeFramedByDubansOwnPagesOnlyAndRunsNothing() throws Exception {
        when(campaigns.reachesAnyOf("C2", List.of("zyy"))).thenReturn(true);
        when(documents.html("C2")).thenReturn("<!DOCTYPE html><html><body>通知</body></html>");
        mvc.perform(get("/api/campaigns/C2/notice.html").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
                .andExpect(header().string("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox"));
        when(documents.docx("C2")).thenReturn(new byte[] {1});
        when(documents.fileName("C2", "docx")).thenReturn("活动-通知.docx");
        mvc.perform(get("/api/campaigns/C2/notice.docx").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, REVIEWER))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        when(documents.pdf("C2")).thenReturn(new byte[] {1});
        when(documents.fileName("C2", "pdf")).thenReturn("活动-通知.pdf");
        mvc.perform(get("/api/campaigns/C2/notice.pdf").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".pdf")));
    }
}
