package org.kontor.helpcenter.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.Envelope;
import org.kontor.api.Json;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.common.BadRequest;
import org.kontor.helpcenter.Article;
import org.kontor.helpcenter.Category;
import org.kontor.helpcenter.KnowledgeBase;
import org.kontor.helpcenter.Section;
import org.kontor.search.SearchService;
import org.kontor.security.KontorUser;
import org.kontor.user.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk's Help Center API for the knowledge base. Reads are open to everyone (published articles only unless
 * the caller is an agent); writes are for agents.
 */
@RestController
@RequestMapping("/api/v2/help_center")
class HelpCenterController {
    private final KnowledgeBase kb;
    private final SearchService search;

    HelpCenterController(KnowledgeBase kb, SearchService search) {
        this.kb = kb;
        this.search = search;
    }

    private static Actor actor(KontorUser me) {
        return me == null ? null : me.actor();
    }

    // ---- categories ----

    @GetMapping("/categories")
    Map<String, Object> categories() {
        return list("categories", kb.categories().stream().map(HelpCenterController::json).toList());
    }

    @GetMapping("/categories/{id}")
    Map<String, Object> category(@PathVariable long id) {
        return Envelope.of("category", json(kb.category(id)));
    }

    @PostMapping("/categories")
    ResponseEntity<Map<String, Object>> createCategory(@AuthenticationPrincipal KontorUser me, @RequestBody JsonNode body) {
        Category c = kb.createCategory(categoryInput(Json.root(body, "category")), actor(me));
        return ResponseEntity.status(HttpStatus.CREATED).body(Envelope.of("category", json(c)));
    }

    @PutMapping("/categories/{id}")
    Map<String, Object> updateCategory(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestBody JsonNode body) {
        return Envelope.of("category", json(kb.updateCategory(id, categoryInput(Json.root(body, "category")), actor(me))));
    }

    @DeleteMapping("/categories/{id}")
    ResponseEntity<Void> deleteCategory(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        kb.deleteCategory(id, actor(me));
        return ResponseEntity.noContent().build();
    }

    // ---- sections ----

    @GetMapping("/sections")
    Map<String, Object> sections() {
        return list("sections", kb.sections(null).stream().map(HelpCenterController::json).toList());
    }

    @GetMapping("/categories/{id}/sections")
    Map<String, Object> sectionsOf(@PathVariable long id) {
        return list("sections", kb.sections(id).stream().map(HelpCenterController::json).toList());
    }

    @GetMapping("/sections/{id}")
    Map<String, Object> section(@PathVariable long id) {
        return Envelope.of("section", json(kb.section(id)));
    }

    @PostMapping("/categories/{id}/sections")
    ResponseEntity<Map<String, Object>> createSection(@AuthenticationPrincipal KontorUser me, @PathVariable long id,
                                                      @RequestBody JsonNode body) {
        JsonNode s = Json.root(body, "section");
        Section created = kb.createSection(new KnowledgeBase.SectionInput(id, text(s, "name"), text(s, "description"),
                text(s, "locale"), integer(s, "position")), actor(me));
        return ResponseEntity.status(HttpStatus.CREATED).body(Envelope.of("section", json(created)));
    }

    @PutMapping("/sections/{id}")
    Map<String, Object> updateSection(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestBody JsonNode body) {
        JsonNode s = Json.root(body, "section");
        return Envelope.of("section", json(kb.updateSection(id, new KnowledgeBase.SectionInput(null, text(s, "name"),
                text(s, "description"), text(s, "locale"), integer(s, "position")), actor(me))));
    }

    @DeleteMapping("/sections/{id}")
    ResponseEntity<Void> deleteSection(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        kb.deleteSection(id, actor(me));
        return ResponseEntity.noContent().build();
    }

    // ---- articles ----

    @GetMapping("/articles")
    Map<String, Object> articles(@AuthenticationPrincipal KontorUser me) {
        return list("articles", kb.articles(null, actor(me)).stream().map(HelpCenterController::json).toList());
    }

    @GetMapping("/sections/{id}/articles")
    Map<String, Object> articlesOf(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        return list("articles", kb.articles(id, actor(me)).stream().map(HelpCenterController::json).toList());
    }

    @GetMapping("/articles/{id}")
    Map<String, Object> article(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        return Envelope.of("article", json(kb.article(id, actor(me))));
    }

    @PostMapping("/sections/{id}/articles")
    ResponseEntity<Map<String, Object>> createArticle(@AuthenticationPrincipal KontorUser me, @PathVariable long id,
                                                      @RequestBody JsonNode body) {
        Article a = kb.createArticle(articleInput(id, Json.root(body, "article")), actor(me));
        return ResponseEntity.status(HttpStatus.CREATED).body(Envelope.of("article", json(a)));
    }

    @PutMapping("/articles/{id}")
    Map<String, Object> updateArticle(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestBody JsonNode body) {
        return Envelope.of("article", json(kb.updateArticle(id, articleInput(null, Json.root(body, "article")), actor(me))));
    }

    @DeleteMapping("/articles/{id}")
    ResponseEntity<Void> deleteArticle(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        kb.deleteArticle(id, actor(me));
        return ResponseEntity.noContent().build();
    }

    /** Zendesk's article search: {@code results} with a highlighted {@code snippet} built from the article's text. */
    @GetMapping("/articles/search")
    Map<String, Object> searchArticles(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String query,
                                       @RequestParam(required = false) String locale, HttpServletRequest request) {
        if (query == null || query.isBlank()) {
            throw new BadRequest("Parameter query is required");
        }
        PageParams params = PageParams.offsetFrom(request);
        int offset = (params.page() - 1) * params.perPage();
        SearchService.Results<SearchService.ArticleHit> r = search.articles(query, actor(me), locale, offset, params.perPage());
        List<Map<String, Object>> results = r.items().stream().map(h -> {
            Map<String, Object> m = json(h.article());
            m.put("snippet", h.snippet());
            m.put("result_type", "article");
            return m;
        }).toList();
        return Envelope.page("results", new Paging.Result<>(results, params, r.total(), offset + results.size() < r.total(),
                params.page() > 1, null, null), request);
    }

    // ---- JSON ----

    private static Map<String, Object> list(String root, List<Map<String, Object>> items) {
        return Envelope.onePage(root, items);
    }

    private static String text(JsonNode node, String field) {
        return Json.string(node, field);
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw new BadRequest(field + " must be a number");
        }
        return v.asInt();
    }

    private static Boolean bool(JsonNode node, String field) {
        return Json.bool(node, field);
    }

    private static KnowledgeBase.CategoryInput categoryInput(JsonNode c) {
        return new KnowledgeBase.CategoryInput(text(c, "name"), text(c, "description"), text(c, "locale"), integer(c, "position"));
    }

    private static KnowledgeBase.ArticleInput articleInput(Long sectionId, JsonNode a) {
        Long section = sectionId;
        JsonNode s = a.get("section_id");
        if (section == null && s != null && !s.isNull()) {
            if (!s.isIntegralNumber()) {
                throw new BadRequest("section_id must be a number");
            }
            section = s.asLong();
        }
        return new KnowledgeBase.ArticleInput(section, text(a, "title"), text(a, "body"), text(a, "locale"),
                bool(a, "draft"), integer(a, "position"));
    }

    private static String web(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
    }

    static Map<String, Object> json(Category c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.getId());
        m.put("url", Envelope.url("help_center/categories/" + c.getId() + ".json"));
        m.put("html_url", web("/hc/categories/" + c.getId()));
        m.put("name", c.getName());
        m.put("description", c.getDescription());
        m.put("locale", c.getLocale());
        m.put("source_locale", c.getLocale());
        m.put("position", c.getPosition());
        m.put("outdated", false);
        m.put("created_at", Envelope.time(c.getCreatedAt()));
        m.put("updated_at", Envelope.time(c.getUpdatedAt()));
        return m;
    }

    static Map<String, Object> json(Section s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.getId());
        m.put("url", Envelope.url("help_center/sections/" + s.getId() + ".json"));
        m.put("html_url", web("/hc/sections/" + s.getId()));
        m.put("category_id", s.getCategoryId());
        m.put("name", s.getName());
        m.put("description", s.getDescription());
        m.put("locale", s.getLocale());
        m.put("source_locale", s.getLocale());
        m.put("position", s.getPosition());
        m.put("outdated", false);
        m.put("created_at", Envelope.time(s.getCreatedAt()));
        m.put("updated_at", Envelope.time(s.getUpdatedAt()));
        return m;
    }

    static Map<String, Object> json(Article a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.getId());
        m.put("url", Envelope.url("help_center/articles/" + a.getId() + ".json"));
        m.put("html_url", web("/hc/articles/" + a.getId()));
        m.put("section_id", a.getSectionId());
        m.put("author_id", a.getAuthorId());
        m.put("title", a.getTitle());
        m.put("body", a.getBodyHtml());
        m.put("locale", a.getLocale());
        m.put("source_locale", a.getLocale());
        m.put("draft", a.isDraft());
        m.put("position", a.getPosition());
        m.put("promoted", false);
        m.put("comments_disabled", true);
        m.put("label_names", List.of());
        m.put("outdated", false);
        m.put("created_at", Envelope.time(a.getCreatedAt()));
        m.put("updated_at", Envelope.time(a.getUpdatedAt()));
        m.put("edited_at", Envelope.time(a.getUpdatedAt()));
        return m;
    }
}
