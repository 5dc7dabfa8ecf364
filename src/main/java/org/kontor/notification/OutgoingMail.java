package org.kontor.notification;

/** A rendered notification email, ready for a transport. */
record OutgoingMail(long notificationId, long ticketId, String messageId, String threadRoot, String from, String to,
                    String replyTo, String subject, String text, String html, String language) {
}
