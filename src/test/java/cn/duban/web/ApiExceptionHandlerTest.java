package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every answer that is not a success, decided without Spring: its status and its Chinese message. */
class ApiExceptionHandlerTest {

    final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void aLostDatabaseInsideAWrapperIs503AndARefusalInsideAWrapperItsOwnStatus() {
        var down = handler.other(new IllegalStateException(new CannotCreateTransactionException("no connection")));
        assertThat(down.getStatusCode().value()).isEqualTo(503);
        assertThat(down.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        var refused = handler.other(new RuntimeException(new Refusal(Refusal.CONFLICT, "已被他人处理")));
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).containsEntry("message", "已被他人处理");
    }

    @Test
    void springsOwn4xxKeepTheirStatusInChineseAndTheRestIs500WithAReference() {
        var missing = handler.other(new NoResourceFoundException(org.springframework.http.HttpMethod.GET, "/api/x"));
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody()).containsEntry("message", "请求的内容不存在");
        var bug = handler.other(new NullPointerException("campaign.template()"));
        assertThat(bug.getStatusCode().value()).isEqualTo(500);
        assertThat((String) bug.getBody().get("message")).startsWith("系统出错，操作未完成").doesNotContain("campaign");
        assertThat(bug.getBody()).containsKey("reference");
    }
}
