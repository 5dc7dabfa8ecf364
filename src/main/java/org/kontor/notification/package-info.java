/** Notification emails: the after-commit outbox, rendering from view objects (V1), SMTP delivery, the developer mailbox and the per-ticket log. */
package org.kontor.notification;
