package org.kontor.notification;

/** Where rendered mail goes: an SMTP server, or the developer mailbox when none is configured. */
interface MailTransport {
    void send(OutgoingMail mail) throws Exception;

    String name();
}
