package org.kontor.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Secrets at rest (IMAP passwords): AES-256-GCM with a random 96-bit nonce per value, stored as
 * {@code enc:v1:BASE64(nonce || ciphertext+tag)}. The key is {@code KONTOR_SECRET_KEY} (base64 of 16, 24 or 32
 * bytes), or else a key generated once into {@code ${KONTOR_DATA_DIR}/secret.key} (owner-only permissions). A value
 * without the prefix is a plain value from before encryption and is read as it is.
 */
@Component
public class SecretBox {
    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SecretBox(@Value("${kontor.secret-key:}") String configuredKey, @Value("${kontor.data-dir:./data}") String dataDir) {
        this.key = new SecretKeySpec(configuredKey != null && !configuredKey.isBlank() ? decodeKey(configuredKey.trim(), "KONTOR_SECRET_KEY")
                : keyFile(Path.of(dataDir, "secret.key")), "AES");
    }

    /** The stored form of a secret; null stays null. */
    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a secret", e);
        }
    }

    /** The secret of a stored value; a plain value (stored before encryption) is returned as it is. */
    public String open(String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret cannot be decrypted with this key (KONTOR_SECRET_KEY or "
                    + "secret.key changed?); enter it again");
        }
    }

    public boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static byte[] decodeKey(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " must be base64 (e.g. `openssl rand -base64 32`)");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException(source + " must be 16, 24 or 32 bytes in base64 (e.g. `openssl rand -base64 32`)");
        }
        return bytes;
    }

    /** Reads the key file, or creates it once with a new random key, readable by the owner only. */
    private static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try {
                    try {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    } catch (UnsupportedOperationException e) {
                        Files.createFile(file);
                    }
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                    log.info("Created the key for secrets at rest: {} (keep it with the database; or set KONTOR_SECRET_KEY)", file);
                    return fresh;
                } catch (FileAlreadyExistsException e) {
                    // another instance on the same data directory created it first: read theirs
                }
            }
            return decodeKey(Files.readString(file).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
        }
    }
}
