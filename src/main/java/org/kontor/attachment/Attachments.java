package org.kontor.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.ticket.Comment;
import org.kontor.ticket.CommentUploads;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketEvents;
import org.kontor.user.Actor;
import org.kontor.visibility.Viewer;
import org.kontor.visibility.VisibleTickets;
import org.springframework.context.event.EventListener;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attachment use cases: uploads (Zendesk's token flow), files of imported email, and every read of a file,
 * each decided by the access policy through {@link VisibleTickets} (a file is seen as its comment is, V1/R11).
 */
@Service
public class Attachments implements CommentUploads {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int MAX_UPLOADS_PER_TOKEN = 50;

    private final AttachmentRepository attachments;
    private final AttachmentContents contents;
    private final AttachmentSettings settings;
    private final VisibleTickets visible;

    Attachments(AttachmentRepository attachments, AttachmentContents contents, AttachmentSettings settings,
                VisibleTickets visible) {
        this.attachments = attachments;
        this.contents = contents;
        this.settings = settings;
        this.visible = visible;
    }

    /** An upload token and the files it holds. */
    public record Upload(String token, Instant expiresAt, List<Attachment> attachments) {
    }

    /**
     * {@code POST /api/v2/uploads}: stores the file (streamed, at most {@code kontor.attachments.max-size}) under a new
     * token, or under {@code existingToken} of the same user to send several files with one comment.
     *
     * @throws IOException when the body cannot be read (including the API's streamed size limit)
     */
    @Transactional
    public Upload upload(String fileName, String contentType, InputStream body, String existingToken, Actor actor)
            throws IOException {
        String name = fileName(fileName);
        String type = contentType(contentType, name);
        Instant now = Instant.now();
        String token;
        Instant expiresAt;
        if (existingToken != null && !existingToken.isBlank()) {
            List<Attachment> held = attachments.findByUploadTokenOrderByIdAsc(existingToken.trim());
            if (held.isEmpty() || !ownUnclaimed(held, actor, now)) {
                throw InvalidInput.of("token", "err.upload.notYours", "Token: " + existingToken + " is not an open upload of yours", existingToken);
            }
            if (held.size() >= MAX_UPLOADS_PER_TOKEN) {
                throw InvalidInput.of("token", "err.upload.full", "Token: holds " + MAX_UPLOADS_PER_TOKEN + " files already", MAX_UPLOADS_PER_TOKEN);
            }
            token = existingToken.trim();
            expiresAt = held.get(0).getExpiresAt();
        } else {
            token = newToken();
            expiresAt = now.plus(settings.uploadTtl());
        }
        Path spool = Files.createTempFile("kontor-upload-", ".bin");
        try {
            long size;
            try (OutputStream out = Files.newOutputStream(spool)) {
                size = copyLimited(body, out);
            }
            if (size == 0) {
                throw InvalidInput.of("file", "err.file.empty", "File: is empty");
            }
            Attachment saved = attachments.saveAndFlush(new Attachment(name, type, null, false, (int) size, actor.id(), token,
                    expiresAt, now));
            try (InputStream in = Files.newInputStream(spool)) {
                contents.store(saved.getId(), in, (int) size);
            }
            return new Upload(token, expiresAt, attachments.findByUploadTokenOrderByIdAsc(token));
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /**
     * The size limit for a file whose size is known before it is read (a web form's part): refused before anything of
     * the form is stored. {@link #upload} still counts the bytes it reads.
     */
    public void checkSize(String fileName, long size) {
        if (size > settings.maxBytes()) {
            throw new AttachmentTooLarge(settings.maxBytes(), fileName);
        }
    }

    /** {@code DELETE /api/v2/uploads/{token}}: the uploader takes back files no comment has taken yet. */
    @Transactional
    public void deleteUpload(String token, Actor actor) {
        List<Attachment> held = attachments.findByUploadTokenOrderByIdAsc(token);
        if (held.isEmpty() || !ownUnclaimed(held, actor, Instant.MIN)) {
            throw new NotFound();
        }
        for (Attachment a : held) {
            contents.delete(a.getId());
            attachments.delete(a);
        }
    }

    /** One file's metadata, if the viewer may read it; 404 otherwise, exactly like a file that does not exist. */
    @Transactional(readOnly = true)
    public Attachment get(Viewer viewer, long id) {
        return attachments.findById(id).filter(a -> readable(viewer, a)).orElseThrow(NotFound::new);
    }

    /**
     * Streams one file the viewer may read: {@code open} gets the metadata (to set the response's headers) and
     * gives the stream to write to. 404 for a file the viewer may not read.
     */
    @Transactional(readOnly = true)
    public void download(Viewer viewer, long id, Function<Attachment, OutputStream> open) {
        Attachment attachment = get(viewer, id);
        OutputStream out = open.apply(attachment);
        if (!contents.copy(attachment.getId(), out)) {
            throw new NotFound();
        }
    }

    /** The files of these comments of one ticket, by comment id, for the comments whose files the viewer may read. */
    @Transactional(readOnly = true)
    public Map<Long, List<Attachment>> ofComments(Viewer viewer, Ticket ticket, Collection<Comment> comments) {
        Set<Long> readable = visible.commentsWithReadableAttachments(viewer, ticket, comments);
        Map<Long, List<Attachment>> result = new LinkedHashMap<>();
        if (readable.isEmpty()) {
            return result;
        }
        // One comment (a change's response) is the common case: a single-valued query keeps its translated plan,
        // while Hibernate translates a query with an IN list anew on every call.
        List<Attachment> found = readable.size() == 1 ? attachments.findByCommentIdOrderByIdAsc(readable.iterator().next())
                : attachments.findByCommentIdInOrderByIdAsc(readable);
        for (Attachment a : found) {
            result.computeIfAbsent(a.getCommentId(), k -> new ArrayList<>()).add(a);
        }
        return result;
    }

    /** {@link #ofComments} as web pages show the files. */
    @Transactional(readOnly = true)
    public Map<Long, List<AttachmentView>> viewsOfComments(Viewer viewer, Ticket ticket, Collection<Comment> comments) {
        Map<Long, List<AttachmentView>> result = new LinkedHashMap<>();
        ofComments(viewer, ticket, comments).forEach((id, files) -> result.put(id, files.stream().map(AttachmentView::of).toList()));
        return result;
    }

    /**
     * A file that came with an email, stored before the comment it belongs to exists (its HTML refers to the file's
     * URL); {@link #attachImported} puts it on the comment in the same transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Attachment storeImported(byte[] content, String fileName, String contentType, String contentId, boolean inline,
                                    long senderId) {
        if (content.length > settings.maxBytes()) {
            throw new AttachmentTooLarge(settings.maxBytes());
        }
        Instant now = Instant.now();
        Attachment saved = attachments.saveAndFlush(new Attachment(fileName(fileName), contentType(contentType, fileName),
                contentId, inline, content.length, senderId, null, now.plus(settings.uploadTtl()), now));
        contents.store(saved.getId(), new ByteArrayInputStream(content), content.length);
        return saved;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void attachImported(Collection<Long> attachmentIds, long ticketId, long commentId) {
        if (!attachmentIds.isEmpty()) {
            attachments.claimIds(attachmentIds, ticketId, commentId);
        }
    }

    @Override
    public void check(List<String> tokens, Actor actor) {
        Instant now = Instant.now();
        for (String token : new LinkedHashSet<>(tokens)) {
            List<Attachment> held = token == null ? List.of() : attachments.findByUploadTokenOrderByIdAsc(token);
            if (held.isEmpty() || !ownUnclaimed(held, actor, now)) {
                throw InvalidInput.of("comment.uploads", "err.uploads.notOpen", "Uploads: " + token + " is not an open upload of yours (unknown, expired or used)", token);
            }
        }
    }

    @Override
    public void attach(List<String> tokens, Comment comment, Actor actor) {
        Instant now = Instant.now();
        for (String token : new LinkedHashSet<>(tokens)) {
            // Conditional: a concurrent comment that took the same token first leaves nothing, and this change rolls back.
            if (attachments.claim(token, actor.id(), comment.getTicketId(), comment.getId(), now) == 0) {
                throw InvalidInput.of("comment.uploads", "err.uploads.notOpen", "Uploads: " + token + " is not an open upload of yours (unknown, expired or used)", token);
            }
        }
    }

    /** In the transaction of the ticket change that records the redaction; the bytes go at once. */
    @Override
    public void redact(Comment comment, long attachmentId) {
        Attachment a = attachments.findById(attachmentId)
                .filter(f -> comment.getId().equals(f.getCommentId()) && comment.getTicketId().equals(f.getTicketId()))
                .orElseThrow(NotFound::new);
        a.redact();
        contents.delete(attachmentId);
        contents.store(attachmentId, new ByteArrayInputStream(new byte[0]), 0);
    }

    /** Uploads no comment took before they expired; the cleanup task deletes them. */
    @Transactional
    public int deleteExpiredUploads(Instant before) {
        List<Long> expired = attachments.expiredUploads(before);
        for (Long id : expired) {
            contents.delete(id);
            attachments.deleteById(id);
        }
        return expired.size();
    }

    public AttachmentSettings settings() {
        return settings;
    }

    private boolean readable(Viewer viewer, Attachment a) {
        return visible.canReadAttachment(viewer, a.getTicketId(), a.getCommentId(), a.getUploaderId());
    }

    private static boolean ownUnclaimed(List<Attachment> held, Actor actor, Instant now) {
        return held.stream().allMatch(a -> a.isUpload() && a.getUploaderId() != null && a.getUploaderId() == actor.id()
                && a.getExpiresAt() != null && a.getExpiresAt().isAfter(now));
    }

    private long copyLimited(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > settings.maxBytes()) {
                throw new AttachmentTooLarge(settings.maxBytes());
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static String newToken() {
        char[] token = new char[24];
        for (int i = 0; i < token.length; i++) {
            token[i] = TOKEN_CHARS[RANDOM.nextInt(TOKEN_CHARS.length)];
        }
        return new String(token);
    }

    /** The last path segment, without control characters, at most 255 characters. */
    static String fileName(String raw) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInput.of("filename", "err.filename.required", "Filename: is required");
        }
        String name = raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw InvalidInput.of("filename", "err.filename.invalid", "Filename: " + raw + " is not a file name", raw);
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    /** The type the client sent, unless it is missing or a form type curl sends by default: then guessed from the name. */
    static String contentType(String declared, String fileName) {
        if (declared != null && !declared.isBlank()) {
            try {
                MediaType type = MediaType.parseMediaType(declared);
                String base = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
                if (!base.equals("application/x-www-form-urlencoded") && !type.getType().equals("multipart")
                        && !type.isWildcardType() && !type.isWildcardSubtype() && base.length() <= 255) {
                    return base;
                }
            } catch (InvalidMediaTypeException e) {
                // fall back to the name
            }
        }
        return MediaTypeFactory.getMediaType(fileName == null ? "" : fileName)
                .map(t -> (t.getType() + "/" + t.getSubtype()).toLowerCase(Locale.ROOT)).orElse("application/octet-stream");
    }

    /** A ticket removed for good takes its files with it. */
    @EventListener
    void on(TicketEvents.TicketPurged purge) {
        contents.deleteOfTicket(purge.ticketId());
    }
}
