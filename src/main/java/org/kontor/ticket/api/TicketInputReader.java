package org.kontor.ticket.api;

import java.util.ArrayList;
import java.util.List;
import org.kontor.api.Json;
import org.kontor.common.InvalidInput;
import org.kontor.ticket.Channel;
import org.kontor.ticket.Patch;
import org.kontor.ticket.Priority;
import org.kontor.ticket.TicketInput.CcInput;
import org.kontor.ticket.TicketInput.CommentInput;
import org.kontor.ticket.TicketInput.NewRequest;
import org.kontor.ticket.TicketInput.NewTicket;
import org.kontor.ticket.TicketInput.PersonInput;
import org.kontor.ticket.TicketInput.TicketChanges;
import org.kontor.ticket.TicketStatus;
import org.kontor.ticket.TicketType;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk's ticket and request bodies. Read-only fields that clients echo back ({@code is_public}, {@code url},
 * {@code created_at}, {@code via}, {@code has_incidents}...) are ignored, as Zendesk does.
 */
public final class TicketInputReader {
    static final String STATUSES = "new, open, pending, hold, solved, closed";
    static final String PRIORITIES = "low, normal, high, urgent";
    static final String TYPES = "problem, incident, question, task";

    private TicketInputReader() {
    }

    public static NewTicket newTicket(JsonNode t, Channel via) {
        CommentInput comment = comment(t);
        if (comment == null && Json.string(t, "description") != null) {
            // Older clients send the first comment as "description".
            comment = new CommentInput(Json.string(t, "description"), null, null, null);
        }
        List<CcInput> ccs = new ArrayList<>(ccList(t, "collaborators"));
        ccs.addAll(emailCcs(t));
        List<Long> ccIds = Json.ids(t, "collaborator_ids");
        if (ccIds == null) {
            ccIds = Json.ids(t, "email_cc_ids");
        }
        if (ccIds != null) {
            ccIds.forEach(id -> ccs.add(new CcInput(id, null, null, false)));
        }
        return new NewTicket(subject(t), comment, Json.id(t, "requester_id"), person(Json.object(t, "requester")),
                Json.id(t, "assignee_id"), Json.string(t, "assignee_email"), Json.id(t, "group_id"),
                Json.id(t, "organization_id"), status(t), priority(t), type(t), Json.strings(t, "tags"), ccs,
                Json.string(t, "external_id"), Json.instant(t, "due_at"), via);
    }

    public static TicketChanges changes(JsonNode t, Channel via) {
        List<CcInput> ccChanges = new ArrayList<>(ccList(t, "additional_collaborators"));
        ccChanges.addAll(ccList(t, "collaborators"));
        ccChanges.addAll(emailCcs(t));
        List<Long> ccIds = Json.ids(t, "collaborator_ids");
        if (ccIds == null) {
            ccIds = Json.ids(t, "email_cc_ids");
        }
        return new TicketChanges(
                Json.has(t, "subject") || Json.has(t, "raw_subject") ? Patch.of(subject(t)) : null,
                comment(t),
                Json.has(t, "requester_id") ? Patch.of(Json.id(t, "requester_id")) : null,
                person(Json.object(t, "requester")),
                Json.has(t, "assignee_id") ? Patch.of(Json.id(t, "assignee_id")) : null,
                Json.string(t, "assignee_email"),
                Json.has(t, "group_id") ? Patch.of(Json.id(t, "group_id")) : null,
                Json.has(t, "organization_id") ? Patch.of(Json.id(t, "organization_id")) : null,
                status(t),
                Json.has(t, "priority") ? Patch.of(priority(t)) : null,
                Json.has(t, "type") ? Patch.of(type(t)) : null,
                Json.strings(t, "tags"), Json.strings(t, "additional_tags"), Json.strings(t, "remove_tags"),
                ccIds, ccChanges.isEmpty() ? null : ccChanges,
                Json.has(t, "external_id") ? Patch.of(Json.string(t, "external_id")) : null,
                Json.has(t, "due_at") ? Patch.of(Json.instant(t, "due_at")) : null,
                Boolean.TRUE.equals(Json.bool(t, "safe_update")), Json.instant(t, "updated_stamp"), via);
    }

    public static NewRequest newRequest(JsonNode r, Channel via) {
        CommentInput comment = comment(r);
        List<CcInput> ccs = new ArrayList<>(ccList(r, "collaborators"));
        ccs.addAll(emailCcs(r));
        return new NewRequest(Json.string(r, "subject"), comment, ccs, via);
    }

    /** The comment of a request update: end users never set visibility or author. */
    public static CommentInput requesterComment(JsonNode r) {
        CommentInput c = comment(r);
        return c == null ? null : new CommentInput(c.body(), c.htmlBody(), null, null, c.uploads());
    }

    public static List<CcInput> additionalCollaborators(JsonNode r) {
        return ccList(r, "additional_collaborators");
    }

    private static String subject(JsonNode t) {
        String subject = Json.string(t, "subject");
        return subject != null ? subject : Json.string(t, "raw_subject");
    }

    static CommentInput comment(JsonNode t) {
        JsonNode c = Json.object(t, "comment");
        if (c == null) {
            return null;
        }
        List<String> uploads = Json.strings(c, "uploads");
        return new CommentInput(Json.string(c, "body"), Json.string(c, "html_body"), Json.bool(c, "public"),
                Json.id(c, "author_id"), uploads);
    }

    private static PersonInput person(JsonNode p) {
        if (p == null) {
            return null;
        }
        return new PersonInput(Json.string(p, "name"), Json.string(p, "email"), Json.string(p, "phone"),
                Json.string(p, "locale"));
    }

    private static TicketStatus status(JsonNode t) {
        return Json.oneOf(t, "status", TicketStatus::parse, STATUSES);
    }

    private static Priority priority(JsonNode t) {
        return Json.oneOf(t, "priority", Priority::parse, PRIORITIES);
    }

    private static TicketType type(JsonNode t) {
        return Json.oneOf(t, "type", TicketType::parse, TYPES);
    }

    /** Items are a user id, an email string, or {@code {name, email}} (Zendesk's collaborators). */
    private static List<CcInput> ccList(JsonNode t, String field) {
        List<JsonNode> items = Json.array(t, field);
        List<CcInput> result = new ArrayList<>();
        if (items == null) {
            return result;
        }
        for (JsonNode item : items) {
            if (item.isIntegralNumber()) {
                result.add(new CcInput(item.longValue(), null, null, false));
            } else if (item.isString()) {
                String s = item.stringValue().trim();
                result.add(s.matches("\\d+") ? new CcInput(Long.parseLong(s), null, null, false) : new CcInput(null, s, null, false));
            } else if (item.isObject()) {
                result.add(new CcInput(Json.id(item, "id"), Json.string(item, "email"), Json.string(item, "name"), false));
            } else {
                throw new InvalidInput(field, field + ": each item must be a user id, an email address or {name, email}");
            }
        }
        return result;
    }

    /** {@code email_ccs: [{user_id | user_email, user_name, action: put | delete}]}. */
    private static List<CcInput> emailCcs(JsonNode t) {
        List<JsonNode> items = Json.array(t, "email_ccs");
        List<CcInput> result = new ArrayList<>();
        if (items == null) {
            return result;
        }
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw new InvalidInput("email_ccs", "email_ccs: each item must be an object");
            }
            String action = Json.string(item, "action");
            if (action != null && !action.equals("put") && !action.equals("delete")) {
                throw new InvalidInput("email_ccs", "email_ccs: action must be put or delete");
            }
            result.add(new CcInput(Json.id(item, "user_id"), Json.string(item, "user_email"), Json.string(item, "user_name"),
                    "delete".equals(action)));
        }
        return result;
    }
}
