/**
 * Inbound email (issue 6): MIME parsing, threading onto tickets, loop protection, quarantine, exactly-once
 * import from IMAP mailboxes and the inbound MIME endpoint.
 */
package org.kontor.email;
