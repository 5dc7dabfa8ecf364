package org.kontor.report.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.kontor.report.ReportCsv;
import org.kontor.report.ReportJson;
import org.kontor.report.ReportRange;
import org.kontor.report.ReportService;
import org.kontor.report.ReportService.CustomerScope;
import org.kontor.report.Reports.CustomerReport;
import org.kontor.report.Reports.WorkReport;
import org.kontor.security.KontorUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kontor's reports API (agents and admins): {@code GET /api/v2/kontor/reports/organizations/{id}},
 * {@code .../requesters/{id}}, {@code .../agents}, {@code .../groups}, with {@code from}, {@code to}
 * (YYYY-MM-DD, UTC days, both included) and {@code interval=day|week}. JSON by default; CSV with a {@code .csv}
 * suffix or {@code Accept: text/csv}.
 */
@RestController
class ReportsController {
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ReportService reports;

    ReportsController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping({"/api/v2/kontor/reports/organizations/{id}", "/api/v2/kontor/reports/organizations/{id}.csv"})
    ResponseEntity<?> organization(@AuthenticationPrincipal KontorUser me, @PathVariable long id,
                                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String interval,
                                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                   jakarta.servlet.http.HttpServletRequest request) {
        CustomerReport r = reports.customer(CustomerScope.ORGANIZATION, id, ReportRange.of(from, to, interval), me.actor());
        return answer(request, accept, () -> ReportJson.customer(r), () -> ReportCsv.customer(r), "organization-" + id, r.range());
    }

    @GetMapping({"/api/v2/kontor/reports/requesters/{id}", "/api/v2/kontor/reports/requesters/{id}.csv"})
    ResponseEntity<?> requester(@AuthenticationPrincipal KontorUser me, @PathVariable long id,
                                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String interval,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                jakarta.servlet.http.HttpServletRequest request) {
        CustomerReport r = reports.customer(CustomerScope.REQUESTER, id, ReportRange.of(from, to, interval), me.actor());
        return answer(request, accept, () -> ReportJson.customer(r), () -> ReportCsv.customer(r), "requester-" + id, r.range());
    }

    @GetMapping({"/api/v2/kontor/reports/agents", "/api/v2/kontor/reports/agents.csv"})
    ResponseEntity<?> agents(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                             jakarta.servlet.http.HttpServletRequest request) {
        WorkReport r = reports.agents(ReportRange.of(from, to, null), me.actor());
        return answer(request, accept, () -> ReportJson.work(r), () -> ReportCsv.work(r), "agents", r.range());
    }

    @GetMapping({"/api/v2/kontor/reports/groups", "/api/v2/kontor/reports/groups.csv"})
    ResponseEntity<?> groups(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                             jakarta.servlet.http.HttpServletRequest request) {
        WorkReport r = reports.groups(ReportRange.of(from, to, null), me.actor());
        return answer(request, accept, () -> ReportJson.work(r), () -> ReportCsv.work(r), "groups", r.range());
    }

    private static ResponseEntity<?> answer(jakarta.servlet.http.HttpServletRequest request, String accept,
                                            java.util.function.Supplier<Map<String, Object>> json,
                                            java.util.function.Supplier<String> csv, String name, ReportRange range) {
        boolean wantsCsv = request.getRequestURI().endsWith(".csv")
                || (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv"));
        if (!wantsCsv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.get());
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kontor-report-" + name + "-" + range.from() + "-" + range.to() + ".csv\"")
                .body(csv.get());
    }
}
