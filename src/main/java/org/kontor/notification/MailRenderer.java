package org.kontor.notification;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import liqp.Template;
import liqp.TemplateParser;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.group.Group;
import org.kontor.group.GroupService;
import org.kontor.ticket.Comment;
import org.kontor.ticket.Ticket;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.Viewer;
import org.kontor.visibility.VisibleTickets;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a notification for its recipient from a view object, never from entities: the ticket and its comments
 * are read through the access policy with the recipient's own view, so an end user's email can only ever contain
 * public comments (V1), whatever placeholder a trigger uses. Agents' emails may contain internal notes.
 * <p>
 * Texts in the recipient's language come from {@code {{dc.NAME}}} placeholders (Zendesk's dynamic content), which
 * are the {@code notify.dc.NAME} messages of the notifications bundle and may themselves contain placeholders.
 */
@Component
class MailRenderer {
    private static final Pattern DC = Pattern.compile("\\{\\{\\s*dc\\.([a-z0-9_]+)\\s*}}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int MAX_COMMENTS = 100;
    private static final TemplateParser LIQUID = LiquidTemplates.PARSER;

    private final VisibleTickets visible;
    private final AccessPolicy policy;
    private final UserService users;
    private final GroupService groups;
    private final MessageSource messages;
    private final MailSettings settings;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    MailRenderer(VisibleTickets visible, AccessPolicy policy, UserService users, GroupService groups, MessageSource messages,
                 MailSettings settings) {
        this.visible = visible;
        this.policy = policy;
        this.users = users;
        this.groups = groups;
        this.messages = messages;
        this.settings = settings;
    }

    /**
     * Reads the tickets and people of a batch of notifications into the current transaction at once, so that
     * rendering them one by one finds them there. Nothing is decided here: each render still reads through the
     * access policy with its recipient's view.
     */
    void preload(List<Notification> batch) {
        Set<Long> people = new HashSet<>();
        Set<Long> ticketIds = new HashSet<>();
        for (Notification n : batch) {
            people.add(n.getRecipientId());
            people.add(n.getActorId());
            if (n.getTicketId() != null) {
                ticketIds.add(n.getTicketId());
            }
        }
        users.findAll(people);
        visible.preload(ticketIds);
    }

    Optional<OutgoingMail> render(Notification n) {
        return render(n, new java.util.HashMap<>());
    }

    /**
     * Empty when the recipient may no longer see the ticket (it went private, they left it) or no longer receives mail
     * (suspended or deleted since the mail was queued): nothing is sent.
     * {@code agentRenders} keeps what was rendered for agents in this delivery run: every agent gets the same text
     * for the same change and language (e.g. "all agents"), so it is rendered once.
     */
    Optional<OutgoingMail> render(Notification n, Map<String, OutgoingMail> agentRenders) {
        Optional<User> recipient = users.find(n.getRecipientId());
        if (recipient.isEmpty() || !recipient.get().receivesMail()) {
            return Optional.empty();
        }
        User to = recipient.get();
        Viewer viewer = policy.viewerFor(Actor.of(to));
        String key = viewer.agentView() ? n.getTicketId() + "/" + n.getAuditId() + "/" + n.getTriggerId() + "/" + n.getActionIndex()
                + "/" + n.getLastCommentId() + "/" + localeOf(to) : null;
        OutgoingMail same = key == null ? null : agentRenders.get(key);
        if (same != null) {
            return Optional.of(new OutgoingMail(n.getId(), same.ticketId(), settings.messageId(same.ticketId(), n.getId()),
                    same.threadRoot(), same.from(), to.getEmail(), same.replyTo(), same.subject(), same.text(), same.html(),
                    same.language()));
        }
        Optional<OutgoingMail> rendered = renderFresh(n, to, viewer);
        if (key != null) {
            rendered.ifPresent(m -> agentRenders.put(key, m));
        }
        return rendered;
    }

    private Optional<OutgoingMail> renderFresh(Notification n, User to, Viewer viewer) {
        Optional<Ticket> found = visible.findTicket(viewer, n.getTicketId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Ticket ticket = found.get();
        // The recipient's own view of the comments, as the access policy gives it: public ones only for end users (V1).
        List<Comment> comments = new ArrayList<>(visible.comments(viewer, ticket.getId(),
                new PageParams(false, 1, MAX_COMMENTS, null, null), new Paging.Ordering(Paging.SortKey.ID, false), null).items());
        if (n.getLastCommentId() != null) {
            comments.removeIf(c -> c.getId() > n.getLastCommentId());
        }
        comments.sort(Comparator.comparing(Comment::getId).reversed());
        Set<Long> people = new HashSet<>();
        people.add(ticket.getRequesterId());
        people.add(n.getActorId());
        if (ticket.getAssigneeId() != null) {
            people.add(ticket.getAssigneeId());
        }
        people.addAll(ticket.getCollaboratorIds());
        comments.forEach(c -> people.add(c.getAuthorId()));
        Map<Long, User> byId = users.findAll(people).stream().collect(Collectors.toMap(User::getId, Function.identity()));
        String group = ticket.getGroupId() == null ? "" : groups.findActive(ticket.getGroupId()).map(Group::getName).orElse("");

        Locale locale = localeOf(to);
        String url = settings.baseUrl + (viewer.agentView() ? "/agent/tickets/" : "/hc/requests/") + ticket.getId();
        Map<String, Object> textView = view(ticket, comments, byId, group, url, n.getActorId(), false);
        Map<String, Object> htmlView = view(ticket, comments, byId, group, url, n.getActorId(), true);

        String subjectTemplate = expandDynamicContent(n.getSubjectTemplate(), locale);
        String bodyTemplate = expandDynamicContent(n.getBodyTemplate(), locale);
        String subject = render(subjectTemplate, textView).replaceAll("[\\r\\n]+", " ").trim();
        String reference = "[#" + ticket.getId() + "]";
        if (!subject.contains(reference)) {
            subject = reference + " " + subject;
        }
        String text = render(bodyTemplate, textView);
        String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><body style=\"font-family:sans-serif\">"
                + render(bodyTemplate.replace("\n", "<br>\n"), htmlView) + "</body></html>";
        return Optional.of(new OutgoingMail(n.getId(), ticket.getId(), settings.messageId(ticket.getId(), n.getId()),
                settings.threadRoot(ticket.getId()), settings.from, to.getEmail(), settings.replyTo(ticket.getId()),
                subject, text, html, locale.getLanguage()));
    }

    static Locale localeOf(User user) {
        String l = user.getLocale();
        return l != null && l.toLowerCase(Locale.ROOT).startsWith("de") ? Locale.GERMAN : Locale.ENGLISH;
    }

    String expandDynamicContent(String template, Locale locale) {
        Matcher m = DC.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String text = messages.getMessage("notify.dc." + m.group(1), null, "", locale);
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String render(String template, Map<String, Object> view) {
        Template parsed = templates.computeIfAbsent(template, t -> {
            try {
                return LIQUID.parse(t);
            } catch (RuntimeException e) {
                return null;
            }
        });
        if (parsed == null) {
            // Stored before validation existed, or a dc text that does not parse: send it as written.
            return template;
        }
        if (templates.size() > 1000) {
            templates.clear();
        }
        return LiquidTemplates.render(parsed, view);
    }

    /**
     * The placeholders' values. {@code comments} is already the recipient's view (newest first), so the
     * "latest comment" of an end user is the latest public one.
     */
    private Map<String, Object> view(Ticket t, List<Comment> comments, Map<Long, User> people, String group, String url,
                                     long actorId, boolean html) {
        Function<String, String> esc = html ? s -> s == null ? "" : HtmlUtils.htmlEscape(s) : s -> s == null ? "" : s;
        List<Comment> publicComments = comments.stream().filter(Comment::isPublic).toList();
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("id", t.getId());
        ticket.put("title", esc.apply(t.getSubject()));
        ticket.put("url", url);
        ticket.put("link", url);
        ticket.put("status", t.getStatus().wire());
        ticket.put("priority", t.getPriority() == null ? "" : t.getPriority().wire());
        ticket.put("ticket_type", t.getType() == null ? "" : t.getType().wire());
        ticket.put("via", t.getVia().wire());
        ticket.put("tags", esc.apply(String.join(" ", t.getTags())));
        ticket.put("account", esc.apply(settings.accountName));
        ticket.put("external_id", esc.apply(t.getExternalId()));
        ticket.put("is_public", t.isPublic());
        Comment first = comments.isEmpty() ? null : comments.get(comments.size() - 1);
        ticket.put("description", first == null ? "" : html ? first.getHtmlBody() : first.getPlainBody());
        ticket.put("requester", person(people.get(t.getRequesterId()), esc));
        ticket.put("assignee", person(t.getAssigneeId() == null ? null : people.get(t.getAssigneeId()), esc));
        ticket.put("group", Map.of("name", esc.apply(group)));
        ticket.put("cc_names", esc.apply(t.getCollaboratorIds().stream().map(people::get).filter(java.util.Objects::nonNull)
                .map(User::getName).collect(Collectors.joining(", "))));
        Comment latest = comments.isEmpty() ? null : comments.get(0);
        Comment latestPublic = publicComments.isEmpty() ? null : publicComments.get(0);
        ticket.put("latest_comment", body(latest, html));
        ticket.put("latest_comment_html", body(latest, true));
        ticket.put("latest_public_comment", body(latestPublic, html));
        ticket.put("latest_public_comment_html", body(latestPublic, true));
        ticket.put("comments_formatted", formatted(comments, people, html, esc));
        ticket.put("public_comments_formatted", formatted(publicComments, people, html, esc));
        ticket.put("comments", comments.stream().map(c -> commentView(c, people, html, esc)).toList());
        ticket.put("public_comments", publicComments.stream().map(c -> commentView(c, people, html, esc)).toList());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ticket", ticket);
        User actor = people.get(actorId);
        Map<String, Object> currentUser = person(actor, esc);
        currentUser.put("role", actor == null ? "" : actor.getRole().wire());
        view.put("current_user", currentUser);
        return view;
    }

    private static String body(Comment c, boolean html) {
        return c == null ? "" : html ? c.getHtmlBody() : c.getPlainBody();
    }

    private static Map<String, Object> person(User u, Function<String, String> esc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u == null ? "" : u.getId());
        m.put("name", esc.apply(u == null ? "" : u.getName()));
        m.put("first_name", esc.apply(u == null ? "" : u.getName().split("\\s+")[0]));
        m.put("email", esc.apply(u == null ? "" : u.getEmail()));
        return m;
    }

    private static Map<String, Object> commentView(Comment c, Map<Long, User> people, boolean html, Function<String, String> esc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.getId());
        m.put("value", body(c, html));
        m.put("body", body(c, html));
        m.put("public", c.isPublic());
        m.put("created_at", DATE.format(c.getCreatedAt()));
        m.put("author", person(people.get(c.getAuthorId()), esc));
        return m;
    }

    private static String formatted(List<Comment> comments, Map<Long, User> people, boolean html, Function<String, String> esc) {
        StringBuilder sb = new StringBuilder();
        for (Comment c : comments) {
            User author = people.get(c.getAuthorId());
            String name = esc.apply(author == null ? "" : author.getName());
            if (html) {
                sb.append("<div style=\"margin:0 0 16px 0\"><p><strong>").append(name).append("</strong> <span style=\"color:#777\">")
                        .append(DATE.format(c.getCreatedAt())).append("</span></p>").append(c.getHtmlBody()).append("</div><hr>");
            } else {
                sb.append("----------------------------------------------\n\n").append(name).append(", ")
                        .append(DATE.format(c.getCreatedAt())).append("\n\n").append(c.getPlainBody()).append("\n\n");
            }
        }
        return sb.toString();
    }
}
