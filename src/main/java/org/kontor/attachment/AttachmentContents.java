package org.kontor.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bytes of attachments, with plain JDBC so that they stream: written from a stream of known length, read into
 * the response's stream. Both run in the caller's transaction (JPA and JDBC share its connection).
 */
@Component
class AttachmentContents {
    private final JdbcTemplate jdbc;

    AttachmentContents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void store(long attachmentId, InputStream content, int length) {
        jdbc.update("INSERT INTO attachment_contents (attachment_id, content) VALUES (?, ?)", ps -> {
            ps.setLong(1, attachmentId);
            ps.setBinaryStream(2, content, length);
        });
    }

    /** Copies the bytes to {@code out}; false when there are none. */
    boolean copy(long attachmentId, OutputStream out) {
        Boolean found = jdbc.query("SELECT content FROM attachment_contents WHERE attachment_id = ?", rs -> {
            if (!rs.next()) {
                return false;
            }
            try (InputStream in = rs.getBinaryStream(1)) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }, attachmentId);
        return Boolean.TRUE.equals(found);
    }

    void delete(long attachmentId) {
        jdbc.update("DELETE FROM attachment_contents WHERE attachment_id = ?", attachmentId);
    }

    /** Every file of a ticket, bytes and records. */
    void deleteOfTicket(long ticketId) {
        jdbc.update("DELETE FROM attachment_contents WHERE attachment_id IN (SELECT id FROM attachments WHERE ticket_id = ?)", ticketId);
        jdbc.update("DELETE FROM attachments WHERE ticket_id = ?", ticketId);
    }
}
