package org.kontor.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a free port, that every integration test's Kontor sends its
 * notification mail to. Tests can stop and restart it on the same port to play an SMTP outage.
 */
public final class TestMail {
    private static GreenMail server;
    private static int port;

    private TestMail() {
    }

    public static synchronized Map<String, String> properties() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            port = server.getSmtp().getPort();
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", String.valueOf(port));
        // Fast delivery in tests; still on the delivery thread, never the request's.
        p.put("kontor.mail.poll-interval", "200ms");
        p.put("kontor.mail.retry-initial-delay", "300ms");
        p.put("kontor.mail.retry-max-delay", "1s");
        return p;
    }

    public static synchronized void stop() {
        server.stop();
    }

    public static synchronized void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Every message received so far (since the last restart) addressed to this email. */
    public static synchronized List<MimeMessage> to(String email) {
        List<MimeMessage> result = new ArrayList<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            try {
                Address[] recipients = m.getAllRecipients();
                if (recipients != null) {
                    for (Address a : recipients) {
                        if (a.toString().equalsIgnoreCase(email)) {
                            result.add(m);
                        }
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return result;
    }

    public static synchronized List<MimeMessage> all() {
        return List.of(server.getReceivedMessages());
    }
}
