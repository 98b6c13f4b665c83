package cn.duban.export;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.Roles;
import java.io.OutputStream;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The download endpoints alone (a slice: no engine, no database): who may download, and that a failure is never 200. */
@WebMvcTest(ExportController.class)
@org.springframework.context.annotation.Import(cn.duban.campaign.DefaultOfficeAccess.class)
class ExportControllerTest {

    static final CurrentUser SECTION = new CurrentUser("reviewer1", List.of(Roles.REVIEWER));
    static final CurrentUser UNIT = new CurrentUser("dlz-reporter", List.of(Roles.REPORTER, Roles.UNIT_GROUP_PREFIX + "dlz"));

    @Autowired MockMvc mvc;
    @MockitoBean ExportService exports;
    @MockitoBean cn.duban.report.Downloads audit;

    @org.junit.jupiter.api.BeforeEach
    void names() {
        org.mockito.Mockito.when(exports.fileName(anyString(), anyString(), any(), anyString())).thenReturn("下载.xlsx");
    }

    @Test
    void aPackageThatFailsToBuildAnswers500InChineseAndIsNotAudited() throws Exception {
        doThrow(new IllegalStateException("POI: cell too long")).when(exports).upwardPackage(eq("C1"), any(OutputStream.class));
        mvc.perform(get("/api/campaigns/C1/exports/package.zip").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, SECTION))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.message").value(Matchers.startsWith("系统出错，操作未完成")))
                .andExpect(jsonPath("$.message").value(Matchers.not(Matchers.containsString("POI"))))
                .andExpect(jsonPath("$.reference").isNotEmpty());
        org.mockito.Mockito.verify(audit, org.mockito.Mockito.never()).record(any(), any(), any(), any());
    }

    @Test
    void aPackageIsBuiltWholeBeforeItIsSentWithItsLength() throws Exception {
        byte[] zip = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        doAnswer(a -> {
            a.getArgument(1, OutputStream.class).write(zip);
            return null;
        }).when(exports).upwardPackage(eq("C1"), any(OutputStream.class));
        org.mockito.Mockito.when(exports.fileName("C1", "上报材料", null, "zip")).thenReturn("2024年“3·15”活动方案-上报材料.zip");
        MvcResult started = mvc.perform(get("/api/campaigns/C1/exports/package.zip").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, SECTION))
                .andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andExpect(header().longValue("Content-Length", zip.length))
                .andExpect(header().string("Content-Disposition", Matchers.containsString("filename*=UTF-8''2024%E5%B9%B4")))
                .andExpect(content().bytes(zip));
        verify(audit).record(eq("C1"), eq(null), eq("上报材料包"), anyString());
    }

    @Test
    void aUnitMayNotDownloadTheCountySummaryNorAnotherUnitsTable() throws Exception {
        mvc.perform(get("/api/campaigns/C1/exports/summary.xlsx").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("仅本通知的主办科室、局领导和运维人员可以下载全县汇总"));
        mvc.perform(get("/api/campaigns/C1/units/zyy/report.xlsx").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("只能下载本单位的统计表"));
        verifyNoInteractions(exports, audit);
    }

    @Test
    void anUnknownPathAnswers404InChinese() throws Exception {
        mvc.perform(get("/api/campaigns/C1/exports/nothing.xlsx").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, SECTION))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.message").value("请求的内容不存在"));
    }
}
