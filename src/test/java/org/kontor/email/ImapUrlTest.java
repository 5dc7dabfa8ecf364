package org.kontor.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code KONTOR_IMAP_URL=imap[s]://user:password@host:port/FOLDER} as the start-up mailbox. */
class ImapUrlTest {
    @Test
    void imapsUrlWithEncodedPasswordAndFolder() {
        Mailbox.Settings s = EmailPollingConfig.fromUrl("imaps://support%40example.com:p%40ss%3Aword@imap.example.com:9993/Support/Inbox",
                Duration.ofMinutes(2));
        assertThat(s.address()).isEqualTo("support@example.com");
        assertThat(s.user()).isEqualTo("support@example.com");
        assertThat(s.password()).isEqualTo("p@ss:word");
        assertThat(s.host()).isEqualTo("imap.example.com");
        assertThat(s.port()).isEqualTo(9993);
        assertThat(s.security()).isEqualTo(Mailbox.Security.IMAPS);
        assertThat(s.folder()).isEqualTo("Support/Inbox");
        assertThat(s.pollInterval()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void plainImapDefaultsToPort143AndInbox() {
        Mailbox.Settings s = EmailPollingConfig.fromUrl("imap://help:secret@mail.example.org", Duration.ofMinutes(1));
        assertThat(s.address()).isEqualTo("help@mail.example.org");
        assertThat(s.port()).isEqualTo(143);
        assertThat(s.security()).isEqualTo(Mailbox.Security.NONE);
        assertThat(s.folder()).isEqualTo("INBOX");
    }

    @Test
    void otherSchemesAndMissingCredentialsAreRefused() {
        assertThatThrownBy(() -> EmailPollingConfig.fromUrl("pop3://a:b@host", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmailPollingConfig.fromUrl("imaps://host/INBOX", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
