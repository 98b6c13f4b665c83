package cn.duban.web;

import cn.duban.identity.CurrentUser;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * What is done with the unread rest of a body the answer did not need (an error answer: 401, 403, 413, …). Tomcat would
 * read it after the answer, up to {@code server.tomcat.max-swallow-size}, at the sender's pace, on a worker thread
 * every logged-in person is waiting for — an anonymous upload declared at 900 MB kept one busy for as long as its
 * sender liked. Here:
 *
 * <ul>
 *   <li>a person duban authenticated (an upload over the container's limit, a refused file): the rest is read, up to
 *       the largest upload allowed, so that their browser receives the Chinese answer rather than a broken connection;</li>
 *   <li>anyone else: what has already arrived is read without waiting (at most {@value #QUICK_BYTES} bytes, so a small
 *       JSON body leaves the connection clean), and if more is to come the answer is sent and the connection closed,
 *       nothing more read — what Tomcat itself does to an upload it aborts.</li>
 * </ul>
 *
 * A Tomcat valve, because only the connector can be told not to read on.
 */
class RefusedBodyValve extends ValveBase {

    /** What is read without waiting of an anonymous request's rest before its connection is closed instead. */
    static final int QUICK_BYTES = 64 * 1024;

    private final long personalLimit;

    /** @param personalLimit the most of an authenticated person's refused body read to the end (the largest upload) */
    RefusedBodyValve(long personalLimit) {
        super(true);
        this.personalLimit = personalLimit;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (response.getStatus() < 400 || request.isAsync() || request.getCoyoteRequest().isFinished()) {
            return;
        }
        try {
            ServletInputStream in = request.getInputStream();
            boolean person = request.getAttribute(CurrentUser.REQUEST_ATTRIBUTE) != null;
            long declared = request.getContentLengthLong();
            if (person && (declared < 0 || declared <= personalLimit) ? readAll(in, personalLimit) : readArrived(in)) {
                return;
            }
        } catch (IOException | IllegalStateException unreadable) {
            // the client went away, or the body was taken as a reader: nothing more to read either way
        }
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    }

    /** Reads the rest to its end, at most {@code limit} bytes; whether the end was reached. */
    private static boolean readAll(ServletInputStream in, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            read += n;
            if (read > limit) {
                return false;
            }
        }
        return true;
    }

    /** Reads what has arrived, without waiting; whether that was the end. */
    private static boolean readArrived(ServletInputStream in) throws IOException {
        byte[] buffer = new byte[8 * 1024];
        long read = 0;
        while (!in.isFinished() && read < QUICK_BYTES) {
            int available = in.available();
            if (available <= 0) {
                return false;
            }
            int n = in.read(buffer, 0, Math.min(buffer.length, available));
            if (n < 0) {
                return true;
            }
            read += n;
        }
        return in.isFinished();
    }
}
