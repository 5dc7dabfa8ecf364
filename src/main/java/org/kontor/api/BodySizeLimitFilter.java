package org.kontor.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 for API bodies above {@code kontor.api.max-body-bytes}, declared or streamed. The inbound email
 * endpoint takes whole messages with attachments, up to {@code kontor.email.max-message-bytes}; uploads take files
 * up to {@code kontor.attachments.max-size}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class BodySizeLimitFilter extends OncePerRequestFilter {
    private static final String INBOUND_EMAIL = "/api/v2/channels/email/inbound";
    private final long defaultMaxBytes;
    private static final String UPLOADS = "/api/v2/uploads";
    private final long maxMessageBytes;
    private final long maxUploadBytes;

    BodySizeLimitFilter(@Value("${kontor.api.max-body-bytes}") long maxBytes,
                        @Value("${kontor.email.max-message-bytes:26214400}") long maxMessageBytes,
                        @Value("${kontor.attachments.max-size:20MB}") org.springframework.util.unit.DataSize maxUpload) {
        this.defaultMaxBytes = maxBytes;
        this.maxMessageBytes = maxMessageBytes;
        this.maxUploadBytes = maxUpload.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long maxBytes = path.equals(INBOUND_EMAIL) || path.equals(INBOUND_EMAIL + ".json") ? maxMessageBytes
                : path.equals(UPLOADS) || path.equals(UPLOADS + ".json") ? maxUploadBytes : defaultMaxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            ApiErrors.write(response, 413, "RequestTooLarge", "The request body is larger than " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    /** Thrown when a streamed (chunked) body passes the limit; mapped to 413. */
    public static class TooLarge extends IOException {
        TooLarge(long max) {
            super("The request body is larger than " + max + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > max) {
                            throw new TooLarge(max);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
