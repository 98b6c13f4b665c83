package cn.duban.web;

import cn.duban.identity.LoginThrottle;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every password a client sends passes here first: the webapps' login form and HTTP Basic on /engine-rest and
 * duban's API. Each try is counted before its password is checked ({@link LoginThrottle#attempt}); a locked account
 * (from this address) or address is answered with 429 and when to try again, without checking the password; the
 * outcome settles the try, and the login form tells the person, in Chinese, how many tries are left before the account
 * locks from this address.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Pattern LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoginThrottle throttle;
    private final java.time.Clock clock;

    LoginThrottleFilter(LoginThrottle throttle, java.time.Clock clock) {
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            throttled(request, response, chain);
        } catch (RuntimeException e) {
            // the throttle reads the database before anything else does: a lost database is answered here as everywhere
            if (!DatabaseDown.is(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            DatabaseDown.answer(response);
        }
    }

    private void throttled(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean login = "POST".equals(request.getMethod()) && LOGIN.matcher(request.getRequestURI()).matches();
        String user = login ? request.getParameter("username") : BasicCredentials.of(request).map(BasicCredentials::user).orElse(null);
        if (user == null || user.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        // the try is counted before the password is checked: concurrent guesses get no more checks than the limit
        LoginThrottle.Attempt attempt = throttle.attempt(user, request.getRemoteAddr());
        Optional<LoginThrottle.Blocked> blocked = attempt.blocked();
        if (blocked.isPresent()) {
            long seconds = Math.max(1, Duration.between(LocalDateTime.now(clock), blocked.get().until()).getSeconds());
            response.setHeader("Retry-After", String.valueOf(seconds));
            ErrorBody.write(response, 429, blocked.get().message());
            return;
        }
        boolean settled = false;
        try {
            if (!login) {
                chain.doFilter(request, response);
                // behind HTTP Basic a 401 is a wrong password; anything else below 500 means the password was right
                int status = response.getStatus();
                if (status == HttpServletResponse.SC_UNAUTHORIZED) {
                    throttle.failed(attempt);
                    settled = true;
                } else if (status < 500) {
                    throttle.succeeded(attempt);
                    settled = true;
                }
                return;
            }
            LoginAnswer wrapper = new LoginAnswer(response);
            chain.doFilter(request, wrapper);
            // the login form: 200 logged in, 401 a wrong password; anything else (a refused CSRF token) checked no password
            if (wrapper.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                int left = throttle.failed(attempt);
                settled = true;
                wrapper.resetBuffer();
                String message = left > 0
                        ? "用户名或密码错误。再错 " + left + " 次，该账号在此网络地址将锁定 " + throttle.policy().accountLock().toMinutes() + " 分钟。"
                        : "用户名或密码错误，该账号在此网络地址已暂时锁定 " + throttle.policy().accountLock().toMinutes() + " 分钟，到时自动解除。";
                wrapper.setContentType("application/json;charset=UTF-8");
                wrapper.getOutputStream().write(JSON.writeValueAsBytes(Map.of("message", message)));
            } else if (wrapper.getStatus() == HttpServletResponse.SC_OK) {
                throttle.succeeded(attempt);
                settled = true;
            }
            wrapper.copyBodyToResponse();
        } finally {
            if (!settled) {
                throttle.unchecked(attempt);
            }
        }
    }

    /**
     * The login resource answers a wrong password with {@code sendError(401)}, which would hand the answer to the
     * container's error page; held here as a plain status, so that the Chinese message below becomes the body.
     */
    private static final class LoginAnswer extends ContentCachingResponseWrapper {
        LoginAnswer(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) {
            setStatus(status);
        }

        @Override
        public void sendError(int status, String message) {
            setStatus(status);
        }
    }
}
