package cn.duban;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server (GreenMail) for a test, on a port the system gives, never a fixed one: duban's mail sender
 * (the application context's, shared by the tests of that context) is pointed at a free port first — nothing
 * listens there, which is an SMTP outage — and the server is started on that port when the test wants it up.
 */
public final class TestSmtp {

    private TestSmtp() {}

    /** Points duban's sender at a free port of 127.0.0.1 where nothing listens yet; returns the port. */
    public static int pointSenderAtFreePort(JavaMailSender sender) {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaMailSenderImpl impl = (JavaMailSenderImpl) sender;
        impl.setHost("127.0.0.1");
        impl.setPort(port);
        return port;
    }

    /** An SMTP server, started, on that port. */
    public static GreenMail start(int port) {
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** An SMTP server on a free port, started, with duban's sender pointed at it. */
    public static GreenMail start(JavaMailSender sender) {
        return start(pointSenderAtFreePort(sender));
    }
}
