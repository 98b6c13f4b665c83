package cn.duban.web;

import cn.duban.identity.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request to duban's API: the Camunda webapp session (the forms in Tasklist), or
 * HTTP Basic against Camunda's identity (scripts). Requests from a session that change something must
 * carry the webapp's CSRF token. Anonymous requests get 401. The same door, for operators and administrators
 * only, guards Spring Boot's actuator ({@code /actuator}: health, info, metrics): anyone else gets 403.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private static final String ENGINE = "default";
    private static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    private static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private final IdentityService identityService;
    private final boolean operatorsOnly;

    ApiAuthenticationFilter(IdentityService identityService) {
        this(identityService, false);
    }

    /** @param operatorsOnly whether only operators and administrators pass (the actuator) */
    ApiAuthenticationFilter(IdentityService identityService, boolean operatorsOnly) {
        this.identityService = identityService;
        this.operatorsOnly = operatorsOnly;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // duban's API answers JSON and files only: nothing to sniff, frame, cache or run
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
        response.setHeader("Referrer-Policy", "same-origin");
        CurrentUser user;
        try {
            user = authenticate(request, response);
        } catch (RuntimeException e) {
            if (!DatabaseDown.is(e)) {
                throw e;
            }
            DatabaseDown.answer(response);
            return;
        }
        if (user == null) {
            return;
        }
        if (operatorsOnly && !user.isOperator()) {
            ErrorBody.write(response, HttpServletResponse.SC_FORBIDDEN, "仅运维人员和系统管理员可以查看运行状态");
            return;
        }
        request.setAttribute(CurrentUser.REQUEST_ATTRIBUTE, user);
        identityService.setAuthentication(user.id(), user.groups());
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The caller, or null once a refusal (401, or 403 for a missing CSRF token) has been written. */
    private CurrentUser authenticate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CurrentUser user = fromSession(request);
        if (user != null && !safe(request.getMethod())) {
            HttpSession session = request.getSession(false);
            Object token = session == null ? null : session.getAttribute(CSRF_SESSION_ATTRIBUTE);
            if (token == null || !token.equals(request.getHeader(CSRF_HEADER))) {
                ErrorBody.write(response, HttpServletResponse.SC_FORBIDDEN, "请求缺少有效的 CSRF 令牌，请刷新页面后重试");
                return null;
            }
        }
        if (user == null) {
            user = fromBasic(request);
        }
        if (user == null) {
            // a scheme no browser prompts for: a prompted browser would send Basic credentials with every request after
            response.setHeader("WWW-Authenticate", BasicWithoutBrowserPrompt.SCHEME + " realm=\"duban\"");
            ErrorBody.write(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录");
            return null;
        }
        return user;
    }

    private CurrentUser fromSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
        if (auths == null || !auths.hasAuthenticationForProcessEngine(ENGINE)) {
            return null;
        }
        var auth = auths.getAuthenticationForProcessEngine(ENGINE);
        List<String> groups = auth instanceof UserAuthentication ua && ua.getGroupIds() != null ? ua.getGroupIds() : groupsOf(auth.getName());
        return new CurrentUser(auth.getName(), List.copyOf(groups));
    }

    private CurrentUser fromBasic(HttpServletRequest request) {
        return BasicCredentials.of(request)
                .filter(c -> identityService.checkPassword(c.user(), c.password()))
                .map(c -> new CurrentUser(c.user(), groupsOf(c.user())))
                .orElse(null);
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    private static boolean safe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
