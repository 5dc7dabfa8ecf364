package org.kontor.search;

import java.util.List;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.analysis.AnalyzerNames;
import org.hibernate.search.mapper.orm.HibernateOrmExtension;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;
import org.kontor.ticket.Ticket;

/**
 * A ticket's search document. The aggregate keeps comments out of itself, so the bridge reads the ticket's
 * comments when it writes the document; every comment change touches the ticket and raises an event on which
 * {@link TicketReindexer} asks for the document again before commit. Public comment text and all comment text are separate fields: end users are only ever matched
 * against {@link #PUBLIC_TEXT} (V1).
 */
public final class TicketDocument {
    public static final String ID = "ticket_id";
    public static final String SUBJECT = "subject";
    public static final String PUBLIC_TEXT = "public_text";
    public static final String ALL_TEXT = "all_text";
    public static final String STATUS = "status";
    public static final String STATUS_ORDER = "status_order";
    public static final String PRIORITY_ORDER = "priority_order";
    public static final String TYPE = "ticket_type";
    public static final String REQUESTER = "requester_id";
    public static final String SUBMITTER = "submitter_id";
    public static final String ASSIGNEE = "assignee_id";
    public static final String ORGANIZATION = "organization_id";
    public static final String GROUP = "group_id";
    public static final String TAGS = "tags";
    public static final String CCS = "cc_id";
    public static final String IS_PUBLIC = "is_public";
    public static final String DELETED = "deleted";
    public static final String CREATED = "created_at";
    public static final String UPDATED = "updated_at";

    private TicketDocument() {
    }

    static final class Binder implements TypeBinder {
        @Override
        public void bind(TypeBindingContext context) {
            // The properties read below; comment changes always touch updatedAt (and TicketReindexer asks again).
            var deps = context.dependencies();
            for (String property : List.of("subject", "status", "priority", "type", "requesterId", "submitterId",
                    "assigneeId", "organizationId", "groupId", "tags", "collaboratorIds", "privacy.isPublic", "deletedAt",
                    "createdAt", "updatedAt")) {
                deps.use(property);
            }
            var f = context.typeFactory();
            var schema = context.indexSchemaElement();
            var highlighted = f.asString().analyzer(AnalyzerNames.DEFAULT).projectable(Projectable.YES)
                    .highlightable(List.of(Highlightable.UNIFIED)).toIndexFieldType();
            var text = f.asString().analyzer(AnalyzerNames.DEFAULT).toIndexFieldType();
            var keyword = f.asString().toIndexFieldType();
            var id = f.asLong().toIndexFieldType();
            var sortableLong = f.asLong().sortable(Sortable.YES).toIndexFieldType();
            var sortableInt = f.asInteger().sortable(Sortable.YES).toIndexFieldType();
            var time = f.asInstant().sortable(Sortable.YES).toIndexFieldType();
            var flag = f.asBoolean().toIndexFieldType();
            context.bridge(Ticket.class, new Bridge(
                    schema.field(ID, sortableLong).toReference(),
                    schema.field(SUBJECT, highlighted).toReference(),
                    schema.field(PUBLIC_TEXT, highlighted).multiValued().toReference(),
                    schema.field(ALL_TEXT, text).multiValued().toReference(),
                    schema.field(STATUS, keyword).toReference(),
                    schema.field(STATUS_ORDER, sortableInt).toReference(),
                    schema.field(PRIORITY_ORDER, sortableInt).toReference(),
                    schema.field(TYPE, keyword).toReference(),
                    schema.field(REQUESTER, id).toReference(),
                    schema.field(SUBMITTER, id).toReference(),
                    schema.field(ASSIGNEE, id).toReference(),
                    schema.field(ORGANIZATION, id).toReference(),
                    schema.field(GROUP, id).toReference(),
                    schema.field(TAGS, keyword).multiValued().toReference(),
                    schema.field(CCS, id).multiValued().toReference(),
                    schema.field(IS_PUBLIC, flag).toReference(),
                    schema.field(DELETED, flag).toReference(),
                    schema.field(CREATED, time).toReference(),
                    schema.field(UPDATED, time).toReference()));
        }
    }

    private record Bridge(IndexFieldReference<Long> id, IndexFieldReference<String> subject,
                          IndexFieldReference<String> publicText, IndexFieldReference<String> allText,
                          IndexFieldReference<String> status, IndexFieldReference<Integer> statusOrder,
                          IndexFieldReference<Integer> priorityOrder, IndexFieldReference<String> type,
                          IndexFieldReference<Long> requester, IndexFieldReference<Long> submitter,
                          IndexFieldReference<Long> assignee, IndexFieldReference<Long> organization,
                          IndexFieldReference<Long> group, IndexFieldReference<String> tags,
                          IndexFieldReference<Long> ccs, IndexFieldReference<Boolean> isPublic,
                          IndexFieldReference<Boolean> deleted, IndexFieldReference<java.time.Instant> created,
                          IndexFieldReference<java.time.Instant> updated) implements TypeBridge<Ticket> {
        @Override
        public void write(DocumentElement target, Ticket t, TypeBridgeWriteContext context) {
            target.addValue(id, t.getId());
            target.addValue(subject, t.getSubject());
            List<Object[]> comments = t.commentsIfCreatedHere()
                    .map(created -> created.stream().map(c -> new Object[] {c.getPlainBody(), c.isPublic()}).toList())
                    .orElseGet(() -> context.extension(HibernateOrmExtension.get()).session().createQuery(
                                    "select c.plainBody, c.isPublic from Comment c where c.ticketId = :id order by c.id", Object[].class)
                            .setParameter("id", t.getId()).getResultList());
            for (Object[] c : comments) {
                String body = (String) c[0];
                target.addValue(allText, body);
                if (Boolean.TRUE.equals(c[1])) {
                    target.addValue(publicText, body);
                }
            }
            target.addValue(status, t.getStatus().wire());
            target.addValue(statusOrder, t.getStatus().ordinal());
            target.addValue(priorityOrder, t.getPriority() == null ? -1 : t.getPriority().ordinal());
            target.addValue(type, t.getType() == null ? null : t.getType().wire());
            target.addValue(requester, t.getRequesterId());
            target.addValue(submitter, t.getSubmitterId());
            target.addValue(assignee, t.getAssigneeId());
            target.addValue(organization, t.getOrganizationId());
            target.addValue(group, t.getGroupId());
            t.getTags().forEach(tag -> target.addValue(tags, tag));
            t.getCollaboratorIds().forEach(cc -> target.addValue(ccs, cc));
            target.addValue(isPublic, t.isPublic());
            target.addValue(deleted, t.isDeleted());
            target.addValue(created, t.getCreatedAt());
            target.addValue(updated, t.getUpdatedAt());
        }
    }
}
