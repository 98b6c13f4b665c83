package cn.duban.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic is for scripts; a browser that holds Basic credentials sends them with any request to duban, a form on
 * another site included, and Basic needs no CSRF token. So a request that changes something, carries Basic
 * credentials and is marked by the browser as coming from another site — {@code Sec-Fetch-Site: cross-site} or
 * {@code same-site}, or an {@code Origin} that is not duban's own — is refused (403) before its password is even
 * checked. Scripts send neither header and are not affected; duban's own pages use the session and its CSRF token.
 * (duban also never asks a browser for Basic credentials: its 401s challenge with a scheme no browser prompts for.)
 */
class CrossSiteBasicFilter extends OncePerRequestFilter {

    static final String MESSAGE = "不接受来自其他网站的请求：以 HTTP Basic 方式登录时不能从其他网站的页面修改数据，请在督办系统的页面中操作";

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod()) && BasicCredentials.of(request).isPresent() && fromAnotherSite(request)) {
            ErrorBody.write(response, HttpServletResponse.SC_FORBIDDEN, MESSAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether the browser says the request comes from another site: Fetch Metadata where the browser sends it, else
     * an Origin whose host and port are not those the request was sent to ({@code Origin: null}, an opaque origin,
     * included). The scheme is not compared, so duban behind a proxy that ends TLS is its own origin still.
     */
    static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            String s = site.strip().toLowerCase(Locale.ROOT);
            if (s.equals("cross-site") || s.equals("same-site")) {
                return true;
            }
            if (s.equals("same-origin") || s.equals("none")) {
                return false;
            }
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        try {
            URI o = URI.create(origin.strip());
            if (o.getHost() == null || host == null) {
                return true;
            }
            int port = o.getPort() >= 0 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            URI h = URI.create("//" + host.strip());
            int hostPort = h.getPort() >= 0 ? h.getPort() : port == 443 && "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            return !o.getHost().equalsIgnoreCase(h.getHost()) || port != hostPort;
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }
}
