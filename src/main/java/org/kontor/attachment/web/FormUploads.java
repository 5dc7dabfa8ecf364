package org.kontor.attachment.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.kontor.attachment.AttachmentTooLarge;
import org.kontor.attachment.AttachmentView;
import org.kontor.attachment.Attachments;
import org.kontor.user.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.multipart.MultipartFile;

/**
 * The file input of a web form (agent composer and new ticket, Help Center reply and new request): its files as one
 * upload token, as the API does. The servlet's multipart limits are set above the attachment limit, so an oversized
 * file reaches the form's controller, which shows the form again with its input and {@link #tooLarge}.
 */
public final class FormUploads {
    private FormUploads() {
    }

    /** Whether the form carries at least one chosen file. */
    public static boolean any(List<MultipartFile> files) {
        return files != null && files.stream().anyMatch(FormUploads::chosen);
    }

    /**
     * The token holding the chosen files, or null when none was chosen.
     *
     * @throws AttachmentTooLarge naming the first file over the limit, before any file is stored
     */
    public static String upload(Attachments attachments, List<MultipartFile> files, Actor actor) {
        if (!any(files)) {
            return null;
        }
        List<MultipartFile> chosen = files.stream().filter(FormUploads::chosen).toList();
        chosen.forEach(file -> attachments.checkSize(file.getOriginalFilename(), file.getSize()));
        String token = null;
        for (MultipartFile file : chosen) {
            try (InputStream in = file.getInputStream()) {
                token = attachments.upload(file.getOriginalFilename(), file.getContentType(), in, token, actor).token();
            } catch (AttachmentTooLarge e) {
                // A part whose declared size was wrong: still named in the form's error.
                throw new AttachmentTooLarge(e.maxBytes(), file.getOriginalFilename());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return token;
    }

    /** The file input's field error for a file over the limit, in the page's language. */
    public static String tooLarge(AttachmentTooLarge e, MessageSource messages) {
        return messages.getMessage("att.tooLarge", new Object[] {e.fileName(), AttachmentView.sizeLabel(e.maxBytes())},
                LocaleContextHolder.getLocale());
    }

    private static boolean chosen(MultipartFile file) {
        return file != null && !file.isEmpty() && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
    }
}
