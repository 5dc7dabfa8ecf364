package org.kontor.notification;

/**
 * A rendered email, ready for a transport: a ticket notification, or mail about an account (a password link), which
 * has no notification, ticket or thread ({@code null}).
 */
record OutgoingMail(Long notificationId, Long ticketId, String messageId, String threadRoot, String from, String to,
                    String replyTo, String subject, String text, String html, String language) {
}
