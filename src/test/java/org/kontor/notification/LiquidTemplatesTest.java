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
        int startedBefore = LiquidTemplates.renderThreadsStarted();
        for (int i = 0; i < 200; i++) {
            assertThat(LiquidTemplates.render(template, Map.of("ticket", Map.of("id", i, "title", "router"))))
                    .isEqualTo("Ticket #" + i + ": ROUTER");
        }
        // The renders ran on the pool, which reused its threads (other tests' outboxes may start a few meanwhile).
        assertThat(LiquidTemplates.renderThreadsStarted()).isPositive();
        assertThat(LiquidTemplates.renderThreadsStarted() - startedBefore).isLessThan(10);
    }

    @Test
    void aTemplateBeyondTheIterationLimitFailsInsteadOfRunningAway() {
        Template template = LiquidTemplates.PARSER.parse("{% for i in (1..100000) %}x{% endfor %}");
        assertThatThrownBy(() -> LiquidTemplates.render(template, Map.of())).isInstanceOf(RuntimeException.class);
    }
}
