package org.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets at rest: AES-GCM with KONTOR_SECRET_KEY or a key file generated once (0600); plain old values still read. */
class SecretBoxTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dir;

    @Test
    void sealsWithAFreshNonceAndOpensAgain() {
        SecretBox box = new SecretBox(KEY, dir.toString());
        String a = box.seal("imap-pässword");
        String b = box.seal("imap-pässword");
        assertThat(a).startsWith("enc:v1:").doesNotContain("imap").isNotEqualTo(b);
        assertThat(box.open(a)).isEqualTo("imap-pässword");
        assertThat(box.open(b)).isEqualTo("imap-pässword");
        assertThat(box.seal(null)).isNull();
    }

    @Test
    void aPlainValueFromBeforeEncryptionIsReadAsItIs() {
        SecretBox box = new SecretBox(KEY, dir.toString());
        assertThat(box.isSealed("secret")).isFalse();
        assertThat(box.open("secret")).isEqualTo("secret");
    }

    @Test
    void aTamperedValueOrAnotherKeyIsRefused() {
        SecretBox box = new SecretBox(KEY, dir.toString());
        String sealed = box.seal("secret");
        // Flip one bit of the ciphertext itself (editing a base64 character could touch only padding bits).
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(SecretBox.PREFIX.length()));
        bytes[bytes.length - 1] ^= 1;
        String tampered = SecretBox.PREFIX + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(IllegalStateException.class);
        SecretBox other = new SecretBox(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}), dir.toString());
        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalStateException.class).hasMessageContaining("KONTOR_SECRET_KEY");
    }

    @Test
    void withoutAKeyOneIsGeneratedOnceIntoTheDataDirectoryForTheOwnerOnly() throws Exception {
        SecretBox first = new SecretBox("", dir.toString());
        Path file = dir.resolve("secret.key");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String sealed = first.seal("secret");
        // A restart reads the same key.
        assertThat(new SecretBox("", dir.toString()).open(sealed)).isEqualTo("secret");
    }

    @Test
    void aMalformedKeyStopsTheStart() {
        assertThatThrownBy(() -> new SecretBox("not base64!", dir.toString())).hasMessageContaining("KONTOR_SECRET_KEY");
        assertThatThrownBy(() -> new SecretBox(Base64.getEncoder().encodeToString(new byte[7]), dir.toString()))
                .hasMessageContaining("32 bytes");
    }
}
