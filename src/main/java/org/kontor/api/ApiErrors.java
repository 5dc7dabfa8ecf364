package org.kontor.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.common.BadRequest;
import org.kontor.common.Conflict;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.common.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Maps every failure of an API call to Zendesk's error envelope; a client mistake is never a 500. */
@RestControllerAdvice(annotations = RestController.class)
public class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(NotFound e) {
        return error(HttpStatus.NOT_FOUND, "RecordNotFound", "Not found");
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInput e) {
        return recordInvalid(e.errors(), null);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Map<String, Object>> rule(RuleViolation e) {
        return recordInvalid(Map.of(e.field(), List.of(e.rule() + ": " + e.getMessage())), e.rule());
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<Map<String, Object>> forbidden(Forbidden e) {
        return error(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Map<String, Object>> conflict(Conflict e) {
        return error(HttpStatus.CONFLICT, "UpdateConflict", e.getMessage());
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, DataIntegrityViolationException.class})
    ResponseEntity<Map<String, Object>> concurrentChange(RuntimeException e) {
        log.info("Concurrent change refused: {}", e.getMessage());
        return error(HttpStatus.CONFLICT, "UpdateConflict", "The record was changed at the same time by another request; retry");
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<Map<String, Object>> badRequest(BadRequest e) {
        return error(HttpStatus.BAD_REQUEST, "InvalidParameter", e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "InvalidParameter", "Parameter " + e.getParameterName() + " is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        // A non-numeric id in a path names no record.
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return error(HttpStatus.NOT_FOUND, "RecordNotFound", "Not found");
        }
        return error(HttpStatus.BAD_REQUEST, "InvalidParameter", "Parameter " + e.getName() + " has an invalid value");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.TooLarge tooLarge) {
                return error(HttpStatus.CONTENT_TOO_LARGE, "RequestTooLarge", tooLarge.getMessage());
            }
            if (t instanceof DatabindException d && !d.getPath().isEmpty()) {
                String field = fieldOf(d.getPath());
                return recordInvalid(Map.of(field, List.of(field + ": has an invalid type or value")), null);
            }
        }
        boolean empty = e.getCause() == null && String.valueOf(e.getMessage()).contains("missing");
        return error(HttpStatus.BAD_REQUEST, "InvalidJSON",
                empty ? "A JSON request body is required" : "The request body is not valid JSON");
    }

    private static String fieldOf(List<JacksonException.Reference> path) {
        // The envelope key ("ticket") is noise; name the field inside it.
        List<JacksonException.Reference> inner = path.size() > 1 ? path.subList(1, path.size()) : path;
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : inner) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            }
        }
        return sb.isEmpty() ? "base" : sb.toString();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        log.error("Unexpected error in API call", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "InternalError", "Something went wrong on our side");
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("description", description);
        return ResponseEntity.status(status).body(body);
    }

    private static ResponseEntity<Map<String, Object>> recordInvalid(Map<String, List<String>> errors, String rule) {
        Map<String, Object> details = new LinkedHashMap<>();
        errors.forEach((field, messages) -> details.put(field,
                messages.stream().map(m -> Map.of("error", "InvalidValue", "description", m)).toList()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "RecordInvalid");
        body.put("description", "Record validation errors");
        body.put("details", details);
        if (rule != null) {
            body.put("rule", rule);
        }
        return ResponseEntity.unprocessableEntity().body(body);
    }

    /** For filters that answer before MVC runs (authentication, body size). */
    public static void write(HttpServletResponse response, int status, String error, String description) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        String json = "{\"error\":\"" + escape(error) + "\",\"description\":\"" + escape(description) + "\"}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
