package org.kontor.support;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads set-password mail from the test SMTP server (GreenMail): waits for it, gives its text and its link. */
public final class PasswordMails {
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/password/reset/[A-Za-z0-9_-]+)");

    private PasswordMails() {
    }

    /** Waits until the address has received at least {@code count} messages; returns them, oldest first. */
    public static List<MimeMessage> await(String email, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<MimeMessage> mails = TestMail.to(email);
        while (mails.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + count + " email(s) to " + email + "; got " + mails.size());
            }
            sleep(100);
            mails = TestMail.to(email);
        }
        return mails;
    }

    /** The path of the set-password link in the message ({@code /password/reset/TOKEN}). */
    public static String linkPath(MimeMessage mail) {
        Matcher m = LINK.matcher(text(mail));
        if (!m.find()) {
            throw new AssertionError("No set-password link in: " + text(mail));
        }
        return m.group(1);
    }

    public static String text(Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
            StringBuilder sb = new StringBuilder();
            if (content instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    sb.append(text(mp.getBodyPart(i))).append('\n');
                }
            }
            return sb.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
