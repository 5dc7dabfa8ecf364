package org.kontor.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors raised before any controller is chosen (unknown path, wrong method): Zendesk's shape for API
 * paths; web pages fall through to the usual handling by rethrowing.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiEndpointErrors {

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noEndpoint(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        return ApiErrors.error(HttpStatus.NOT_FOUND, "InvalidEndpoint", "Not found");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        return ApiErrors.error(HttpStatus.METHOD_NOT_ALLOWED, "InvalidEndpoint", "Method " + e.getMethod() + " is not allowed here");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        return ApiErrors.error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType",
                "Send the body as JSON with the header Content-Type: application/json");
    }

    private static void requireApi(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
    }
}
