package org.kontor.attachment.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.kontor.attachment.Attachments;
import org.kontor.user.Actor;
import org.springframework.web.multipart.MultipartFile;

/** The file input of a web form (agent composer, Help Center reply): its files as one upload token, as the API does. */
public final class FormUploads {
    private FormUploads() {
    }

    /** The token holding the chosen files, or null when none was chosen. */
    public static String upload(Attachments attachments, List<MultipartFile> files, Actor actor) {
        String token = null;
        if (files == null) {
            return null;
        }
        for (MultipartFile file : files) {
            if (file == null || file.isEmpty() || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
                continue;
            }
            try (InputStream in = file.getInputStream()) {
                token = attachments.upload(file.getOriginalFilename(), file.getContentType(), in, token, actor).token();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return token;
    }
}
