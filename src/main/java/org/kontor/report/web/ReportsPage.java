package org.kontor.report.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.kontor.common.BadRequest;
import org.kontor.common.NotFound;
import org.kontor.report.ReportCsv;
import org.kontor.report.ReportJson;
import org.kontor.report.ReportRange;
import org.kontor.report.ReportService;
import org.kontor.report.ReportService.CustomerScope;
import org.kontor.report.Reports.CustomerReport;
import org.kontor.report.Reports.WorkReport;
import org.kontor.security.KontorUser;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/** The reports page for agents and admins: a form, the figures, a Chart.js chart and the CSV download (R14). */
@Controller
class ReportsPage {
    private final ReportService reports;
    private final UserService users;
    private final ObjectMapper json;
    private final ChartLabels labels;

    ReportsPage(ReportService reports, UserService users, ObjectMapper json, ChartLabels labels) {
        this.reports = reports;
        this.users = users;
        this.json = json;
        this.labels = labels;
    }

    /** The form's fields, bound from the query string. */
    public static class Query {
        private String report = "organization";
        private Long organization;
        private String requester;
        private String from;
        private String to;
        private String interval = "day";

        public String getReport() {
            return report;
        }

        public void setReport(String report) {
            this.report = report;
        }

        public Long getOrganization() {
            return organization;
        }

        public void setOrganization(Long organization) {
            this.organization = organization;
        }

        public String getRequester() {
            return requester;
        }

        public void setRequester(String requester) {
            this.requester = requester;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getTo() {
            return to;
        }

        public void setTo(String to) {
            this.to = to;
        }

        public String getInterval() {
            return interval;
        }

        public void setInterval(String interval) {
            this.interval = interval;
        }
    }

    private record Result(CustomerReport customer, WorkReport work, String fileName) {
    }

    @GetMapping("/agent/reports")
    String page(@AuthenticationPrincipal KontorUser me, @ModelAttribute("q") Query q, Model model) {
        model.addAttribute("organizations", reports.organizations(me.actor()));
        ReportRange range;
        try {
            range = ReportRange.of(q.from, q.to, q.interval);
        } catch (BadRequest e) {
            model.addAttribute("error", "ops.reports.error.range");
            return "agent/reports";
        }
        q.from = range.from().toString();
        q.to = range.to().toString();
        try {
            Result r = run(me, q, range);
            if (r == null) {
                return "agent/reports";
            }
            Map<String, Object> data = r.customer() != null ? ReportJson.customer(r.customer()) : ReportJson.work(r.work());
            model.addAttribute("customer", r.customer());
            model.addAttribute("work", r.work());
            // Safe inside <script type="application/json">: no "<" survives, so no "</script>" either.
            model.addAttribute("chartJson", json.writeValueAsString(data).replace("<", "\\u003c"));
            model.addAttribute("chartLabels", labels.json());
            model.addAttribute("csvUrl", ServletUriComponentsBuilder.fromCurrentRequest().replacePath("/agent/reports/export.csv")
                    .replaceQueryParam("from", q.from).replaceQueryParam("to", q.to).build().toUriString());
        } catch (NotFound e) {
            model.addAttribute("error", "ops.reports.error.notFound");
        }
        return "agent/reports";
    }

    @GetMapping("/agent/reports/export.csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal KontorUser me, @ModelAttribute("q") Query q) {
        ReportRange range = ReportRange.of(q.from, q.to, q.interval);
        Result r = run(me, q, range);
        if (r == null) {
            throw new NotFound();
        }
        String body = r.customer() != null ? ReportCsv.customer(r.customer()) : ReportCsv.work(r.work());
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kontor-report-" + r.fileName() + "-"
                        + range.from() + "-" + range.to() + ".csv\"")
                .body(body);
    }

    /** Null when the form does not say yet which organization or requester. */
    private Result run(KontorUser me, Query q, ReportRange range) {
        switch (q.report == null ? "" : q.report) {
            case "agents":
                return new Result(null, reports.agents(range, me.actor()), "agents");
            case "groups":
                return new Result(null, reports.groups(range, me.actor()), "groups");
            case "requester": {
                if (q.requester == null || q.requester.isBlank()) {
                    return null;
                }
                User user = users.findByEmail(q.requester.trim()).orElseThrow(NotFound::new);
                return new Result(reports.customer(CustomerScope.REQUESTER, user.getId(), range, me.actor()), null, "requester-" + user.getId());
            }
            default: {
                if (q.organization == null) {
                    return null;
                }
                return new Result(reports.customer(CustomerScope.ORGANIZATION, q.organization, range, me.actor()), null,
                        "organization-" + q.organization);
            }
        }
    }

}
