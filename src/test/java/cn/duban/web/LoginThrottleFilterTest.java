package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.duban.identity.LoginThrottle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/** The login throttle's filter alone: it reads the database first, so it answers a lost database itself. */
class LoginThrottleFilterTest {

    @Test
    void aLostDatabaseIsAnswered503InChineseNot500() throws Exception {
        LoginThrottle throttle = mock(LoginThrottle.class);
        when(throttle.attempt(anyString(), anyString())).thenThrow(new CannotCreateTransactionException("Could not open JDBC Connection",
                new java.sql.SQLTransientConnectionException("Connection is not available")));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/dashboard/campaigns");
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString("drafter1:pw".getBytes(StandardCharsets.UTF_8)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        new LoginThrottleFilter(throttle, Clock.systemUTC()).doFilter(request, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(DatabaseDown.MESSAGE);
    }
}
