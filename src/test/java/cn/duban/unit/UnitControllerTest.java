package cn.duban.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.Roles;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The unit registry at the door (a slice): the section reads it, operators change it, a spreadsheet's GBK file reads. */
@WebMvcTest(UnitController.class)
class UnitControllerTest {

    static final CurrentUser UNIT = new CurrentUser("zyy-reporter", List.of(Roles.REPORTER, Roles.UNIT_GROUP_PREFIX + "zyy"));
    static final CurrentUser DRAFTER = new CurrentUser("liuni", List.of(Roles.DRAFTER));
    static final CurrentUser OPERATOR = new CurrentUser("ops", List.of(Roles.OPERATOR));

    @Autowired MockMvc mvc;
    @MockitoBean UnitAdmin admin;
    @MockitoBean cn.duban.identity.People people;

    @Test
    void aUnitReadsNothingAndTheSectionReadsButDoesNotChange() throws Exception {
        mvc.perform(get("/api/units").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("仅局机关人员和运维人员可以查看单位名册"));
        mvc.perform(post("/api/units").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, DRAFTER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"x\",\"name\":\"某\",\"type\":\"township\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("仅运维人员和系统管理员可以维护单位名册"));
        mvc.perform(multipart("/api/units/import").file(new MockMultipartFile("file", "a.csv", "text/csv", "code".getBytes()))
                        .requestAttr(CurrentUser.REQUEST_ATTRIBUTE, DRAFTER))
                .andExpect(status().isForbidden());
        verifyNoInteractions(admin);

        when(admin.all()).thenReturn(List.of(new Unit("jkzx", "沂源县疾病预防控制中心", "cdc", null, null, null),
                new Unit("lsjd", "历山街道社区卫生服务中心", "township", null, null, null, "jkzx", true)));
        when(admin.types()).thenReturn(Map.of("cdc", "疾病预防控制中心", "township", "镇（街道）卫生院"));
        mvc.perform(get("/api/units").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, DRAFTER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[1].typeName").value("镇（街道）卫生院"))
                .andExpect(jsonPath("$.units[1].parentName").value("沂源县疾病预防控制中心"))
                .andExpect(jsonPath("$.types.cdc").value("疾病预防控制中心"));
    }

    @Test
    void aRegistryFileIsReadAsUtf8OrAsASpreadsheetsGbkAndAnOversizedOneIsRefused() throws Exception {
        String csv = "单位编码,单位名称,单位类型\r\nnmjd,南麻街道社区卫生服务中心,township\r\n";
        assertThat(UnitController.text(new MockMultipartFile("file", "a.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))).isEqualTo(csv);
        assertThat(UnitController.text(new MockMultipartFile("file", "a.csv", "text/csv", csv.getBytes(Charset.forName("GB18030"))))).isEqualTo(csv);
        mvc.perform(multipart("/api/units/import/preview")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", new byte[(int) UnitController.MAX_CSV_BYTES + 1]))
                        .requestAttr(CurrentUser.REQUEST_ATTRIBUTE, OPERATOR))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("名册文件过大（最多 2 MB）"));
    }
}
