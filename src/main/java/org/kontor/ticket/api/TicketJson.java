package org.kontor.ticket.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.ticket.Audit;
import org.kontor.ticket.AuditEvent;
import org.kontor.ticket.Channel;
import org.kontor.ticket.Comment;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.VoiceCall;

/** Tickets, comments and audits in Zendesk's JSON shape, for agents. End users get request JSON instead. */
public final class TicketJson {
    private TicketJson() {
    }

    public static Map<String, Object> ticket(Ticket t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.getId());
        m.put("url", Envelope.url("tickets/" + t.getId() + ".json"));
        m.put("external_id", t.getExternalId());
        m.put("type", t.getType() == null ? null : t.getType().wire());
        m.put("subject", t.getSubject());
        m.put("raw_subject", t.getSubject());
        m.put("description", t.getDescription());
        m.put("priority", t.getPriority() == null ? null : t.getPriority().wire());
        m.put("status", t.getStatus().wire());
        m.put("recipient", null);
        m.put("requester_id", t.getRequesterId());
        m.put("submitter_id", t.getSubmitterId());
        m.put("assignee_id", t.getAssigneeId());
        m.put("organization_id", t.getOrganizationId());
        m.put("group_id", t.getGroupId());
        List<Long> ccs = new ArrayList<>(t.getCollaboratorIds());
        m.put("collaborator_ids", ccs);
        m.put("email_cc_ids", ccs);
        m.put("follower_ids", List.of());
        m.put("forum_topic_id", null);
        m.put("problem_id", null);
        m.put("has_incidents", false);
        m.put("is_public", t.isPublic());
        m.put("due_at", Envelope.time(t.getDueAt()));
        m.put("tags", new ArrayList<>(t.getTags()));
        m.put("custom_fields", List.of());
        m.put("fields", List.of());
        m.put("satisfaction_rating", null);
        m.put("sharing_agreement_ids", List.of());
        m.put("followup_ids", List.of());
        m.put("ticket_form_id", null);
        m.put("brand_id", null);
        m.put("allow_channelback", false);
        m.put("allow_attachments", true);
        m.put("from_messaging_channel", false);
        m.put("via", via(t.getVia()));
        m.put("created_at", Envelope.time(t.getCreatedAt()));
        m.put("updated_at", Envelope.time(t.getUpdatedAt()));
        return m;
    }

    public static Map<String, Object> via(Channel channel) {
        return via(channel, null);
    }

    private static Map<String, Object> via(Channel channel, String rel) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("from", Map.of());
        source.put("to", Map.of());
        source.put("rel", rel);
        Map<String, Object> via = new LinkedHashMap<>();
        via.put("channel", channel.wire());
        via.put("source", source);
        return via;
    }

    public static Map<String, Object> comment(Comment c) {
        return comment(c, List.of());
    }

    /** {@code attachments}: the comment's files as the caller may see them, in Zendesk's attachment shape. */
    public static Map<String, Object> comment(Comment c, List<Map<String, Object>> attachments) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.getId());
        // zendesk-java-client up to 1.5.0 cannot read a comment without its type.
        m.put("type", c.isVoice() ? "VoiceComment" : "Comment");
        m.put("author_id", c.getAuthorId());
        m.put("body", c.getPlainBody());
        m.put("html_body", c.getHtmlBody());
        m.put("plain_body", c.getPlainBody());
        m.put("public", c.isPublic());
        m.put("attachments", attachments);
        m.put("audit_id", c.getAuditId());
        m.put("via", c.isVoice() ? via(c.getVia(), c.getVoice().rel()) : via(c.getVia()));
        m.put("metadata", Map.of("system", Map.of(), "custom", Map.of()));
        m.put("created_at", Envelope.time(c.getCreatedAt()));
        if (c.isVoice()) {
            voice(m, c.getVoice());
        }
        return m;
    }

    /** Zendesk's VoiceComment: the call in {@code data}, plus the formatted numbers. */
    private static void voice(Map<String, Object> m, VoiceCall call) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("via_id", call.getViaId());
        data.put("from", call.getFrom());
        data.put("to", call.getTo());
        data.put("recording_url", call.getRecordingUrl());
        data.put("started_at", Envelope.time(call.getStartedAt()));
        data.put("call_duration", call.getCallDuration());
        data.put("answered_by_id", call.getAnsweredById());
        data.put("transcription_text", call.getTranscriptionText());
        data.put("transcription_status", call.getTranscriptionText() == null ? null : "completed");
        data.put("location", call.getLocation());
        data.put("outbound", call.isOutbound());
        m.put("data", data);
        m.put("formatted_from", call.getFrom());
        m.put("formatted_to", call.getTo());
        m.put("transcription_visible", call.getTranscriptionText() != null);
    }

    public static Map<String, Object> audit(Audit a, Map<Long, Comment> comments) {
        return audit(a, comments, Map.of());
    }

    public static Map<String, Object> audit(Audit a, Map<Long, Comment> comments,
                                            Map<Long, List<Map<String, Object>>> attachments) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.getId());
        m.put("ticket_id", a.getTicketId());
        m.put("author_id", a.getAuthorId());
        m.put("created_at", Envelope.time(a.getCreatedAt()));
        m.put("via", via(a.getVia()));
        m.put("metadata", Map.of("system", Map.of(), "custom", Map.of()));
        List<Map<String, Object>> events = new ArrayList<>();
        for (AuditEvent e : a.getEvents()) {
            events.add(event(e, comments.get(e.getCommentId()),
                    e.getCommentId() == null ? List.of() : attachments.getOrDefault(e.getCommentId(), List.of())));
        }
        m.put("events", events);
        return m;
    }

    private static Map<String, Object> event(AuditEvent e, Comment comment, List<Map<String, Object>> attachments) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (e.getType()) {
            case COMMENT -> {
                m.put("id", e.getCommentId());
                m.put("type", comment != null && comment.isVoice() ? "VoiceComment" : "Comment");
                m.put("author_id", comment == null ? null : comment.getAuthorId());
                m.put("body", comment == null ? null : comment.getPlainBody());
                m.put("html_body", comment == null ? null : comment.getHtmlBody());
                m.put("plain_body", comment == null ? null : comment.getPlainBody());
                // The comment's visibility now; the audit trail records when it changed (V3).
                m.put("public", comment == null ? e.getIsPublic() : comment.isPublic());
                m.put("attachments", attachments);
                m.put("audit_id", comment == null ? null : comment.getAuditId());
            }
            case COMMENT_PRIVACY_CHANGE -> {
                m.put("id", e.getId());
                m.put("type", "CommentPrivacyChange");
                m.put("comment_id", e.getCommentId());
                m.put("public", e.getIsPublic());
            }
            case COMMENT_REDACTION -> {
                m.put("id", e.getId());
                m.put("type", "CommentRedactionEvent");
                m.put("comment_id", e.getCommentId());
            }
            case ATTACHMENT_REDACTION -> {
                m.put("id", e.getId());
                m.put("type", "AttachmentRedactionEvent");
                m.put("attachment_id", e.attachmentId());
                m.put("comment_id", e.getCommentId());
            }
            case CREATE -> {
                m.put("id", e.getId());
                m.put("type", "Create");
                m.put("field_name", e.getFieldName());
                m.put("value", e.value());
            }
            case CHANGE -> {
                m.put("id", e.getId());
                m.put("type", "Change");
                m.put("field_name", e.getFieldName());
                m.put("value", e.value());
                m.put("previous_value", e.previousValue());
            }
        }
        if (e.getViaRuleId() != null) {
            m.put("via", ruleVia(e));
        }
        return m;
    }

    /** Zendesk's {@code via} of an event a trigger made. */
    private static Map<String, Object> ruleVia(AuditEvent e) {
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("id", e.getViaRuleId());
        from.put("title", e.getViaRuleTitle());
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("to", Map.of());
        source.put("from", from);
        source.put("rel", "trigger");
        Map<String, Object> via = new LinkedHashMap<>();
        via.put("channel", "rule");
        via.put("source", source);
        return via;
    }
}
