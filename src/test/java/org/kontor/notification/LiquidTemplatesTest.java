package org.kontor.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import liqp.Template;
import org.junit.jupiter.api.Test;

class LiquidTemplatesTest {
    @Test
    void rendersUnderTheTimeLimitOnReusedThreadsInsteadOfOneNewThreadPerRender() {
        Template template = LiquidTemplates.PARSER.parse("Ticket #{{ ticket.id }}: {{ ticket.title | upcase }}");
        for (int i = 0; i < 200; i++) {
            assertThat(LiquidTemplates.render(template, Map.of("ticket", Map.of("id", i, "title", "router"))))
                    .isEqualTo("Ticket #" + i + ": ROUTER");
        }
        long renderThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("kontor-liquid-")).count();
        assertThat(renderThreads).isBetween(1L, 4L);
    }

    @Test
    void aTemplateBeyondTheIterationLimitFailsInsteadOfRunningAway() {
        Template template = LiquidTemplates.PARSER.parse("{% for i in (1..100000) %}x{% endfor %}");
        assertThatThrownBy(() -> LiquidTemplates.render(template, Map.of())).isInstanceOf(RuntimeException.class);
    }
}
