package cn.duban.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies are bounded before anything reads them (the first filter of all): a body declared larger than
 * {@code duban.http.max-body-size} is answered 413 in Chinese without a byte of it read (and the connection closed, see
 * {@link RefusedBodyValve}); a chunked body, whose size nobody declares, is read here up to the limit — counted as it
 * comes — and refused the moment it passes it, else handed on as read (a form's parameters read from it too). Exempt:
 * multipart uploads to duban's API, which Spring streams to disk within {@code spring.servlet.multipart.*}. Everything
 * to {@code /engine-rest} and the webapps' {@code /camunda/api} is bounded, multipart included: Camunda's REST API reads
 * a multipart body into memory.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;

    RequestBodyLimitFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/") && request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response);
            return;
        }
        String encoding = request.getHeader("Transfer-Encoding");
        if (declared < 0 && encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            byte[] body = readAtMost(request.getInputStream(), limit);
            if (body == null) {
                refuse(response);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        ErrorBody.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, message(limit));
    }

    static String message(long limit) {
        String size = limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MB" : (limit + 1023) / 1024 + " KB";
        return "请求内容过大（超过 " + size + " 的上限），未作处理；请精简内容，大的材料请作为附件上传";
    }

    /** The whole body, or null as soon as it passes {@code limit} bytes. */
    static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The request with its body already read (a chunked body within the limit). */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        /** A form's parameters: the query string's (the container's) and the body's, read from what was read here. */
        private java.util.Map<String, String[]> parameters;

        @Override
        public java.util.Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                java.util.Map<String, java.util.List<String>> all = new java.util.LinkedHashMap<>();
                super.getParameterMap().forEach((k, v) -> all.computeIfAbsent(k, x -> new java.util.ArrayList<>()).addAll(java.util.List.of(v)));
                String type = getContentType() == null ? "" : getContentType().toLowerCase(Locale.ROOT);
                if (type.startsWith("application/x-www-form-urlencoded")) {
                    Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
                    for (String pair : new String(body, charset).split("&")) {
                        if (!pair.isEmpty()) {
                            int eq = pair.indexOf('=');
                            String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
                            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), charset);
                            all.computeIfAbsent(name, x -> new java.util.ArrayList<>()).add(value);
                        }
                    }
                }
                java.util.Map<String, String[]> out = new java.util.LinkedHashMap<>();
                all.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
                parameters = java.util.Collections.unmodifiableMap(out);
            }
            return parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return java.util.Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }
    }
}
