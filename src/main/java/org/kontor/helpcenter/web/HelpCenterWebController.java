package org.kontor.helpcenter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.common.RuleViolation;
import org.kontor.helpcenter.Article;
import org.kontor.helpcenter.Category;
import org.kontor.helpcenter.KnowledgeBase;
import org.kontor.helpcenter.Section;
import org.kontor.search.SearchService;
import org.kontor.security.KontorUser;
import org.kontor.ticket.Channel;
import org.kontor.attachment.AttachmentTooLarge;
import org.kontor.attachment.AttachmentView;
import org.kontor.attachment.Attachments;
import org.kontor.attachment.web.FormUploads;
import org.kontor.ticket.Comment;
import org.kontor.ticket.Ticket;
import org.kontor.ticket.TicketInput;
import org.kontor.ticket.TicketService;
import org.kontor.ticket.TicketStatus;
import org.kontor.user.Actor;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.kontor.visibility.AccessPolicy;
import org.kontor.visibility.Viewer;
import org.kontor.visibility.VisibleTickets;
import org.kontor.workspace.Forms;
import org.springframework.context.MessageSource;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Help Center for end users. Every ticket read goes through the access policy's end-user view (agents who
 * open the Help Center see it as a requester would): another user's request and a private ticket answer 404 (R11),
 * only public comments are shown (V1).
 */
@Controller
@RequestMapping("/hc")
class HelpCenterWebController {
    private static final int PER_PAGE = 25;

    private final KnowledgeBase kb;
    private final VisibleTickets visible;
    private final AccessPolicy policy;
    private final TicketService tickets;
    private final SearchService search;
    private final UserService users;
    private final Attachments attachments;
    private final MessageSource messages;

    HelpCenterWebController(KnowledgeBase kb, VisibleTickets visible, AccessPolicy policy, TicketService tickets,
                            SearchService search, UserService users, Attachments attachments, MessageSource messages) {
        this.attachments = attachments;
        this.messages = messages;
        this.kb = kb;
        this.visible = visible;
        this.policy = policy;
        this.tickets = tickets;
        this.search = search;
        this.users = users;
    }

    /** A request as the Help Center lists it: hold shows as open, as in the Requests API. */
    record RequestRow(long id, String subject, String status, Instant updatedAt) {
        static RequestRow of(Ticket t) {
            return new RequestRow(t.getId(), t.getSubject(), endUserStatus(t), t.getUpdatedAt());
        }
    }

    /** {@code files}: the comment's files as the access policy lets the end user read them (public comments only). */
    record CommentView(String author, String html, Instant createdAt, List<AttachmentView> files) {
    }

    record SectionView(Section section, List<Article> articles) {
    }

    record CategoryView(Category category, List<SectionView> sections) {
    }

    private static String endUserStatus(Ticket t) {
        return t.getStatus() == TicketStatus.HOLD ? "open" : t.getStatus().wire();
    }

    private static Actor actor(KontorUser me) {
        return me == null ? null : me.actor();
    }

    private Viewer viewer(KontorUser me) {
        return policy.endUserView(me.actor());
    }

    @GetMapping
    String home(@AuthenticationPrincipal KontorUser me, Model model) {
        List<CategoryView> categories = new ArrayList<>();
        for (Category c : kb.categories()) {
            List<SectionView> sections = new ArrayList<>();
            for (Section s : kb.sections(c.getId())) {
                sections.add(new SectionView(s, kb.articles(s.getId(), null)));
            }
            categories.add(new CategoryView(c, sections));
        }
        model.addAttribute("categories", categories);
        model.addAttribute("me", me);
        return "hc/home";
    }

    @GetMapping("/articles/{id}")
    String article(@AuthenticationPrincipal KontorUser me, @PathVariable long id, Model model) {
        // The Help Center shows what end users see: drafts are for the agent pages.
        Article article = kb.article(id, null);
        model.addAttribute("article", article);
        model.addAttribute("section", kb.section(article.getSectionId()));
        model.addAttribute("me", me);
        return "hc/article";
    }

    /** My activities: my requests, requests I'm CC'd on (R19), organization requests when shared. */
    @GetMapping("/requests")
    String requests(@AuthenticationPrincipal KontorUser me, @RequestParam(defaultValue = "my") String tab,
                    @RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page, Model model) {
        Viewer viewer = viewer(me);
        long myId = me.actor().id();
        Specification<Ticket> filter = switch (tab) {
            case "ccd" -> policy.ccdOn(myId);
            case "org" -> viewer.organizationSharesTickets() && viewer.organizationId() != null
                    ? (root, q, cb) -> cb.equal(root.get("organizationId"), viewer.organizationId())
                    : (root, q, cb) -> cb.disjunction();
            default -> (root, q, cb) -> cb.equal(root.get("requesterId"), myId);
        };
        List<TicketStatus> statuses = statuses(status);
        if (!statuses.isEmpty()) {
            filter = filter.and((root, q, cb) -> root.get("status").in(statuses));
        }
        int p = Math.max(1, Math.min(page, 400));
        Paging.Result<Ticket> result = visible.tickets(viewer, filter, new PageParams(false, p, PER_PAGE, null, null),
                new Paging.Ordering(Paging.SortKey.UPDATED_AT, false));
        model.addAttribute("rows", result.items().stream().map(RequestRow::of).toList());
        model.addAttribute("tab", tab.equals("ccd") || tab.equals("org") ? tab : "my");
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("page", p);
        model.addAttribute("hasMore", result.hasMore());
        model.addAttribute("orgShared", viewer.organizationSharesTickets() && viewer.organizationId() != null);
        model.addAttribute("me", me);
        return "hc/requests";
    }

    private static List<TicketStatus> statuses(String status) {
        List<TicketStatus> statuses = new ArrayList<>();
        if (status == null || status.isBlank()) {
            return statuses;
        }
        switch (status) {
            case "open" -> statuses.addAll(List.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.HOLD));
            case "pending" -> statuses.add(TicketStatus.PENDING);
            case "solved" -> statuses.addAll(List.of(TicketStatus.SOLVED, TicketStatus.CLOSED));
            default -> {
            }
        }
        return statuses;
    }

    @GetMapping("/requests/{id}")
    String request(@AuthenticationPrincipal KontorUser me, @PathVariable long id, Model model) {
        Viewer viewer = viewer(me);
        Ticket ticket = visible.ticket(viewer, id);
        List<Comment> comments = visible.comments(viewer, id, new PageParams(false, 1, 100, null, null),
                new Paging.Ordering(Paging.SortKey.CREATED_AT, true), null).items();
        Map<Long, String> names = new HashMap<>();
        users.findAll(comments.stream().map(Comment::getAuthorId).distinct().toList())
                .forEach(u -> names.put(u.getId(), u.getName()));
        Map<Long, List<AttachmentView>> files = attachments.viewsOfComments(viewer, ticket, comments);
        model.addAttribute("ticket", RequestRow.of(ticket));
        model.addAttribute("comments", comments.stream()
                .map(c -> new CommentView(names.getOrDefault(c.getAuthorId(), ""), c.getHtmlBody(), c.getCreatedAt(),
                        files.getOrDefault(c.getId(), List.of()).stream().filter(f -> !f.inline()).toList())).toList());
        model.addAttribute("canSolve", TicketService.canBeSolvedBy(ticket, me.actor()));
        model.addAttribute("closed", ticket.getStatus() == TicketStatus.CLOSED);
        model.addAttribute("me", me);
        return "hc/request";
    }

    @PostMapping("/requests/{id}")
    String reply(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestParam(required = false) String body,
                 @RequestParam(required = false) String cc, @RequestParam(required = false) String solve,
                 @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        Ticket ticket = visible.ticket(viewer(me), id);
        boolean solving = solve != null;
        if (FormUploads.any(files) && (body == null || body.isBlank())) {
            redirect.addFlashAttribute("error", "att.needsComment");
            return "redirect:/hc/requests/" + id;
        }
        String uploads;
        try {
            uploads = FormUploads.upload(attachments, files, me.actor());
        } catch (AttachmentTooLarge e) {
            // Nothing was sent: the reply comes back with its text; the files are chosen again.
            redirect.addFlashAttribute("filesError", FormUploads.tooLarge(e, messages));
            redirect.addFlashAttribute("draft", body);
            redirect.addFlashAttribute("draftCc", cc);
            return "redirect:/hc/requests/" + id;
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", "hc.request.refused");
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
            return "redirect:/hc/requests/" + id;
        }
        TicketInput.CommentInput comment = body == null || body.isBlank() ? null
                : new TicketInput.CommentInput(body, null, null, null, uploads == null ? List.of() : List.of(uploads));
        List<TicketInput.CcInput> ccs = cc == null || cc.isBlank() ? List.of()
                : List.of(new TicketInput.CcInput(null, cc.strip(), null, false));
        if (comment == null && !solving && ccs.isEmpty()) {
            redirect.addFlashAttribute("error", "hc.request.empty");
            return "redirect:/hc/requests/" + id;
        }
        try {
            tickets.updateAsRequester(ticket, comment, solving, ccs, me.actor());
            redirect.addFlashAttribute("info", solving ? "hc.request.solved" : "hc.request.sent");
        } catch (InvalidInput | RuleViolation e) {
            redirect.addFlashAttribute("error", "hc.request.refused");
            redirect.addFlashAttribute("errors", Forms.errors(e, messages));
        }
        return "redirect:/hc/requests/" + id;
    }

    @GetMapping("/requests/new")
    String newRequest(@AuthenticationPrincipal KontorUser me, Model model) {
        model.addAttribute("me", me);
        return "hc/new-request";
    }

    @PostMapping("/requests")
    String submit(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String subject,
                  @RequestParam(required = false) String body,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
        if (subject == null || subject.isBlank() || body == null || body.isBlank()) {
            model.addAttribute("error", "hc.new.missing");
            model.addAttribute("subject", subject);
            model.addAttribute("body", body);
            model.addAttribute("me", me);
            return "hc/new-request";
        }
        try {
            String uploads = FormUploads.upload(attachments, files, me.actor());
            TicketService.Change change = tickets.createRequest(new TicketInput.NewRequest(subject.strip(),
                    new TicketInput.CommentInput(body, null, null, null, uploads == null ? List.of() : List.of(uploads)),
                    List.of(), Channel.HELPCENTER), me.actor());
            return "redirect:/hc/requests/" + change.ticket().getId();
        } catch (AttachmentTooLarge e) {
            // The form comes back as the user filled it in, with the file input's error; the files are chosen again.
            model.addAttribute("filesError", FormUploads.tooLarge(e, messages));
        } catch (InvalidInput | RuleViolation e) {
            model.addAttribute("error", "hc.new.refused");
            model.addAttribute("errors", Forms.errors(e, messages));
        }
        model.addAttribute("subject", subject);
        model.addAttribute("body", body);
        model.addAttribute("me", me);
        return "hc/new-request";
    }

    /** One search box: the user's own visible requests (subject and public comments, V1) and published articles. */
    @GetMapping("/search")
    String search(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String query, Model model) {
        model.addAttribute("query", query == null ? "" : query);
        model.addAttribute("me", me);
        if (query == null || query.isBlank()) {
            model.addAttribute("requests", List.of());
            model.addAttribute("articles", List.of());
            return "hc/search";
        }
        if (me != null) {
            model.addAttribute("requests", search.requestHits(viewer(me), query, List.of(),
                    new Paging.Ordering(Paging.SortKey.UPDATED_AT, false), 0, 25).items().stream()
                    .map(h -> Map.of("row", RequestRow.of(h.ticket()), "snippet", h.snippet() == null ? "" : h.snippet())).toList());
        } else {
            model.addAttribute("requests", List.of());
        }
        model.addAttribute("articles", search.articles(query, null, null, 0, 25).items());
        return "hc/search";
    }

    @ExceptionHandler(NotFound.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(404);
        return "hc/not-found";
    }

    static Map<String, String> statusOptions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("", "hc.status.any");
        m.put("open", "hc.status.open");
        m.put("pending", "hc.status.pending");
        m.put("solved", "hc.status.solved");
        return m;
    }
}
