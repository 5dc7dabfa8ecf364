package org.kontor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KontorApplication {
    static {
        // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader classpath scan on every header block,
        // multipart and encoded word it parses (jakartaee/mail-api#861); naming the provider skips the scan, which
        // took about a third of the CPU of an email import. Here, so that the tests (started from this class) get it.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(KontorApplication.class, args);
    }
}
