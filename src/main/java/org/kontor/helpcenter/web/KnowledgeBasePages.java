package org.kontor.helpcenter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.helpcenter.Article;
import org.kontor.helpcenter.ArticleBody;
import org.kontor.helpcenter.Category;
import org.kontor.helpcenter.KnowledgeBase;
import org.kontor.helpcenter.Section;
import org.kontor.security.KontorUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.context.MessageSource;
import org.kontor.workspace.Forms;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agents' knowledge-base pages under {@code /agent/kb} (agents only, by the web security): categories →
 * sections → articles with their draft/published state, forms to create and edit them, deleting an article.
 * Thin: every change is one {@link KnowledgeBase} use case, which checks the actor and the input.
 */
@Controller
@RequestMapping("/agent/kb")
class KnowledgeBasePages {
    private final KnowledgeBase kb;
    private final MessageSource messages;

    KnowledgeBasePages(KnowledgeBase kb, MessageSource messages) {
        this.kb = kb;
        this.messages = messages;
    }

    record SectionRow(Section section, List<Article> articles) {
    }

    record CategoryRow(Category category, List<SectionRow> sections) {
    }

    /** A section as the article form offers it: "Category › Section". */
    record SectionOption(long id, String label) {
    }

    /** What a form shows: the values typed (also after a refusal). */
    record ArticleForm(Long id, Long sectionId, String title, String body, String bodyFormat, String locale, boolean draft,
                       int position) {
    }

    record NodeForm(Long id, Long categoryId, String name, String description, String locale, int position) {
    }

    @GetMapping
    String index(@AuthenticationPrincipal KontorUser me, Model model) {
        List<CategoryRow> rows = new ArrayList<>();
        for (Category c : kb.categories()) {
            List<SectionRow> sections = new ArrayList<>();
            for (Section s : kb.sections(c.getId())) {
                sections.add(new SectionRow(s, kb.articles(s.getId(), me.actor())));
            }
            rows.add(new CategoryRow(c, sections));
        }
        model.addAttribute("categories", rows);
        return "agent/kb/index";
    }

    // ---- categories ----

    @GetMapping("/categories/new")
    String newCategory(Model model) {
        return categoryForm(model, new NodeForm(null, null, "", "", "en-us", 0), null);
    }

    @GetMapping("/categories/{id}/edit")
    String editCategory(@PathVariable long id, Model model) {
        Category c = kb.category(id);
        return categoryForm(model, new NodeForm(c.getId(), null, c.getName(), c.getDescription(), c.getLocale(), c.getPosition()), null);
    }

    @PostMapping({"/categories", "/categories/{id}"})
    String saveCategory(@AuthenticationPrincipal KontorUser me, @PathVariable(required = false) Long id,
                        @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                        @RequestParam(defaultValue = "") String locale, @RequestParam(defaultValue = "0") int position,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        KnowledgeBase.CategoryInput in = new KnowledgeBase.CategoryInput(name, description, locale, position);
        try {
            if (id == null) {
                kb.createCategory(in, me.actor());
            } else {
                kb.updateCategory(id, in, me.actor());
            }
        } catch (InvalidInput e) {
            response.setStatus(422);
            return categoryForm(model, new NodeForm(id, null, name, description, locale, position), message(e));
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/agent/kb";
    }

    private String categoryForm(Model model, NodeForm form, String error) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return "agent/kb/category";
    }

    // ---- sections ----

    @GetMapping("/sections/new")
    String newSection(@RequestParam long category, Model model) {
        kb.category(category);
        return sectionForm(model, new NodeForm(null, category, "", "", "en-us", 0), null);
    }

    @GetMapping("/sections/{id}/edit")
    String editSection(@PathVariable long id, Model model) {
        Section s = kb.section(id);
        return sectionForm(model, new NodeForm(s.getId(), s.getCategoryId(), s.getName(), s.getDescription(), s.getLocale(),
                s.getPosition()), null);
    }

    @PostMapping({"/sections", "/sections/{id}"})
    String saveSection(@AuthenticationPrincipal KontorUser me, @PathVariable(required = false) Long id,
                       @RequestParam(required = false) Long category, @RequestParam(defaultValue = "") String name,
                       @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String locale,
                       @RequestParam(defaultValue = "0") int position, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
        KnowledgeBase.SectionInput in = new KnowledgeBase.SectionInput(category, name, description, locale, position);
        try {
            if (id == null) {
                kb.createSection(in, me.actor());
            } else {
                kb.updateSection(id, in, me.actor());
            }
        } catch (InvalidInput e) {
            response.setStatus(422);
            return sectionForm(model, new NodeForm(id, category, name, description, locale, position), message(e));
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/agent/kb";
    }

    private String sectionForm(Model model, NodeForm form, String error) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("categoryName", form.categoryId() == null ? "" : kb.category(form.categoryId()).getName());
        return "agent/kb/section";
    }

    // ---- articles ----

    @GetMapping("/articles/new")
    String newArticle(@RequestParam long section, Model model) {
        kb.section(section);
        return articleForm(model, new ArticleForm(null, section, "", "", ArticleBody.MARKDOWN, "en-us", true, 0), null);
    }

    @GetMapping("/articles/{id}/edit")
    String editArticle(@AuthenticationPrincipal KontorUser me, @PathVariable long id, Model model) {
        Article a = kb.article(id, me.actor());
        return articleForm(model, new ArticleForm(a.getId(), a.getSectionId(), a.getTitle(), a.body().editable(),
                a.getBodyFormat(), a.getLocale(), a.isDraft(), a.getPosition()), null);
    }

    @PostMapping({"/articles", "/articles/{id}"})
    String saveArticle(@AuthenticationPrincipal KontorUser me, @PathVariable(required = false) Long id,
                       @RequestParam(required = false) Long section, @RequestParam(defaultValue = "") String title,
                       @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "html") String bodyFormat,
                       @RequestParam(defaultValue = "") String locale, @RequestParam(defaultValue = "draft") String state,
                       @RequestParam(defaultValue = "0") int position, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
        boolean draft = !"published".equals(state);
        KnowledgeBase.ArticleInput in = new KnowledgeBase.ArticleInput(section, title, body, bodyFormat, locale, draft, position);
        Article saved;
        try {
            saved = id == null ? kb.createArticle(in, me.actor()) : kb.updateArticle(id, in, me.actor());
        } catch (InvalidInput e) {
            response.setStatus(422);
            return articleForm(model, new ArticleForm(id, section, title, body, bodyFormat, locale, draft, position), message(e));
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/agent/kb/articles/" + saved.getId() + "/edit";
    }

    @PostMapping("/articles/{id}/delete")
    String deleteArticle(@AuthenticationPrincipal KontorUser me, @PathVariable long id, RedirectAttributes redirect) {
        kb.deleteArticle(id, me.actor());
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/agent/kb";
    }

    private String articleForm(Model model, ArticleForm form, String error) {
        List<SectionOption> sections = new ArrayList<>();
        for (Category c : kb.categories()) {
            for (Section s : kb.sections(c.getId())) {
                sections.add(new SectionOption(s.getId(), c.getName() + " › " + s.getName()));
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("sections", sections);
        model.addAttribute("error", error);
        return "agent/kb/article";
    }

    /** The domain's field messages in the page's language. */
    private String message(InvalidInput e) {
        return String.join(" ", Forms.errors(e, messages));
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler(Forbidden.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "error/403";
    }
}
