package cn.duban.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The demo run's own SMTP server (GreenMail, on {@code spring.mail.port}), so that the mails the demo
 * causes are really sent and can be seen in the outbox view. Off unless {@code duban.mail.embedded-server}.
 */
@Component
@ConditionalOnProperty(name = "duban.mail.embedded-server", havingValue = "true")
class DemoMailServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

    private final GreenMail greenMail;
    private volatile boolean running;

    DemoMailServer(org.springframework.boot.autoconfigure.mail.MailProperties mail) {
        this.greenMail = new GreenMail(new ServerSetup(mail.getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Override
    public void start() {
        greenMail.start();
        running = true;
        log.info("Embedded demo SMTP server (GreenMail) listening on 127.0.0.1:{}", greenMail.getSmtp().getPort());
    }

    @Override
    public void stop() {
        greenMail.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
