package org.kontor.helpcenter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NotFound;
import org.kontor.helpcenter.PasswordLinks;
import org.kontor.security.KontorUser;
import org.kontor.security.RateLimit;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot password?", the emailed set-password link, and Help Center sign-up. Requests that send mail are limited
 * per client address ({@code kontor.password-link.requests-per-address} per
 * {@code kontor.password-link.window-minutes}); beyond it the answer is 429 and nothing is sent. The client address
 * is the one Tomcat believes (forwarded headers only from trusted proxies), as for sign-in throttling.
 */
@Controller
class PasswordPages {
    private final PasswordLinks links;
    private final RateLimit perAddress;

    PasswordPages(PasswordLinks links, @Value("${kontor.password-link.requests-per-address:5}") int perAddress,
                  @Value("${kontor.password-link.window-minutes:15}") long windowMinutes) {
        this.links = links;
        this.perAddress = new RateLimit(perAddress, Duration.ofMinutes(windowMinutes));
    }

    @GetMapping("/password/reset")
    String forgot() {
        return "password/forgot";
    }

    @PostMapping("/password/reset")
    String requestLink(@RequestParam(required = false) String email, HttpServletRequest request,
                       HttpServletResponse response, Model model) {
        if (!perAddress.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(429);
            model.addAttribute("tooMany", true);
            return "password/forgot";
        }
        if (email != null && !email.isBlank()) {
            links.requestReset(email);
        }
        // The same answer whether or not an account has this address.
        model.addAttribute("sent", true);
        return "password/forgot";
    }

    @GetMapping("/password/reset/{token}")
    String choose(@PathVariable String token, HttpServletResponse response, Model model) {
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!links.usable(token)) {
            response.setStatus(404);
            return "password/expired";
        }
        model.addAttribute("token", token);
        return "password/reset";
    }

    @PostMapping("/password/reset/{token}")
    String set(@PathVariable String token, @RequestParam(required = false) String password,
               @RequestParam(name = "password_confirmation", required = false) String confirmation,
               HttpServletResponse response, Model model) {
        response.setHeader("Referrer-Policy", "no-referrer");
        try {
            links.setPassword(token, password, confirmation);
            return "redirect:/login?passwordSet";
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("token", token);
            model.addAttribute("error", e.errors().containsKey("password_confirmation")
                    ? "hcacc.reset.mismatch" : "hcacc.reset.tooShort");
            return "password/reset";
        } catch (NotFound e) {
            response.setStatus(404);
            return "password/expired";
        }
    }

    @GetMapping("/hc/signup")
    String signUpForm(HttpServletResponse response) {
        return signUpOpen(response) ? "hc/signup" : "hc/not-found";
    }

    @PostMapping("/hc/signup")
    String signUp(@RequestParam(required = false) String name, @RequestParam(required = false) String email,
                  HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        if (!signUpOpen(response)) {
            return "hc/not-found";
        }
        if (!perAddress.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(429);
            model.addAttribute("tooMany", true);
            return "hc/signup";
        }
        try {
            links.signUp(name, email, locale);
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("error", e.errors().containsKey("name") ? "hcacc.signup.nameMissing" : "hcacc.signup.badEmail");
            model.addAttribute("name", name);
            model.addAttribute("email", email);
            return "hc/signup";
        }
        model.addAttribute("sent", true);
        return "hc/signup";
    }

    /** An agent sends a user a link to set their password (User options on the profile). */
    @PostMapping("/agent/users/{id}/password-email")
    String sendSetPasswordEmail(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        try {
            links.sendSetPasswordEmail(id, me.actor());
        } catch (InvalidInput e) {
            return "redirect:/agent/users/" + id + "?passwordEmailRefused";
        }
        return "redirect:/agent/users/" + id + "?passwordEmailSent";
    }

    @ExceptionHandler(Forbidden.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "error/403";
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    private boolean signUpOpen(HttpServletResponse response) {
        if (links.signUpOpen()) {
            return true;
        }
        response.setStatus(404);
        return false;
    }
}
