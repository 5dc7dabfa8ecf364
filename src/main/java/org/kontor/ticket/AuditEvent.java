package org.kontor.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;

/** One event of an audit, in Zendesk's event vocabulary. Never changed after it is written. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {
    public enum Type implements WireEnum {
        CREATE("Create"), CHANGE("Change"), COMMENT("Comment"), COMMENT_PRIVACY_CHANGE("CommentPrivacyChange"),
        COMMENT_REDACTION("CommentRedactionEvent"), ATTACHMENT_REDACTION("AttachmentRedactionEvent");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }

    /** Fields whose value is a list, kept space-separated (tags cannot contain spaces). */
    static final List<String> LIST_FIELDS = List.of("tags", "collaborator_ids");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "audit_id")
    private Audit audit;
    private int position;
    @Convert(converter = TypeConverter.class)
    private Type eventType;
    private String fieldName;
    private String valueText;
    private String previousText;
    private Long commentId;
    @Column(name = "is_public")
    private Boolean isPublic;

    @Column(name = "via_rule_id")
    private Long viaRuleId;

    @Column(name = "via_rule_title")
    private String viaRuleTitle;

    protected AuditEvent() {
    }

    AuditEvent(Audit audit, int position, Type type, String fieldName, String value, String previous, Long commentId, Boolean isPublic) {
        this.audit = audit;
        this.position = position;
        this.eventType = type;
        this.fieldName = fieldName;
        this.valueText = value;
        this.previousText = previous;
        this.commentId = commentId;
        this.isPublic = isPublic;
    }

    public Long getId() {
        return id;
    }

    public Type getType() {
        return eventType;
    }

    public String getFieldName() {
        return fieldName;
    }

    /** The value as JSON wants it: a list for list fields, else the string. */
    public Object value() {
        return decode(valueText);
    }

    public Object previousValue() {
        return decode(previousText);
    }

    private Object decode(String text) {
        if (text != null && LIST_FIELDS.contains(fieldName)) {
            return text.isEmpty() ? List.of() : List.of(text.split(" "));
        }
        return text;
    }

    public Long getCommentId() {
        return commentId;
    }

    /** The file an {@link Type#ATTACHMENT_REDACTION} emptied; null for other events. */
    public Long attachmentId() {
        return eventType == Type.ATTACHMENT_REDACTION && valueText != null ? Long.valueOf(valueText) : null;
    }

    public Boolean getIsPublic() {
        return isPublic;
    }

    /** The business rule (trigger) that made this change, or null when the actor made it. */
    public Long getViaRuleId() {
        return viaRuleId;
    }

    public String getViaRuleTitle() {
        return viaRuleTitle;
    }

    void madeByRule(long ruleId, String ruleTitle) {
        this.viaRuleId = ruleId;
        this.viaRuleTitle = ruleTitle;
    }

    @Converter
    static class TypeConverter extends WireEnumConverters.Base<Type> {
        TypeConverter() {
            super(Type.class);
        }
    }
}
