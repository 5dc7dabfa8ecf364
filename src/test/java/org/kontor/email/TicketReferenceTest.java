package org.kontor.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The threading contract with outbound notifications (issue 4), parsed in one place. */
class TicketReferenceTest {
    private final TicketReference refs = new TicketReference("Kontor.Example.com");

    @Test
    void notificationMessageIdsAndTheThreadRootNameTheirTicket() {
        assertThat(refs.fromMessageId("<ticket-42-n7@kontor.example.com>")).contains(42L);
        assertThat(refs.fromMessageId("<ticket-42@kontor.example.com>")).contains(42L);
        assertThat(refs.fromMessageId("<TICKET-42@KONTOR.EXAMPLE.COM>")).contains(42L);
        assertThat(refs.threadRoot(42)).isEqualTo("<ticket-42@kontor.example.com>");
    }

    @Test
    void foreignDomainsAndShapesNameNoTicket() {
        assertThat(refs.fromMessageId("<ticket-42@evil.example.org>")).isEmpty();
        assertThat(refs.fromMessageId("<ticket-42@kontor.example.com.evil.org>")).isEmpty();
        assertThat(refs.fromMessageId("<x-ticket-42@kontor.example.com>")).isEmpty();
        assertThat(refs.fromMessageId("<ticket-0@kontor.example.com>")).isEmpty();
        assertThat(refs.fromMessageId(null)).isEmpty();
    }

    @Test
    void theNewestReferenceWins() {
        assertThat(refs.fromMessageIds(List.of("<ticket-1@kontor.example.com>", "<abc@gmail.com>", "<ticket-2-n3@kontor.example.com>")))
                .contains(2L);
        assertThat(refs.fromMessageIds(List.of("<abc@gmail.com>"))).isEmpty();
    }

    @Test
    void plusAddressNamesTheTicket() {
        assertThat(TicketReference.fromAddress("support+id42@kontor.example.com")).contains(42L);
        assertThat(TicketReference.fromAddress("Support+ID42@kontor.example.com")).contains(42L);
        assertThat(TicketReference.fromAddress("support+news@kontor.example.com")).isEmpty();
        assertThat(TicketReference.fromAddress("support@kontor.example.com")).isEmpty();
        assertThat(TicketReference.withoutPlusTag("Support+id42@Kontor.example.com")).isEqualTo("support@kontor.example.com");
    }

    @Test
    void subjectTokenNamesTheTicket() {
        assertThat(TicketReference.fromSubject("Re: AW: [#42] Printer on fire")).contains(42L);
        assertThat(TicketReference.fromSubject("Order #42")).isEqualTo(Optional.empty());
        assertThat(TicketReference.fromSubject(null)).isEmpty();
    }

    @Test
    void ownMessageIdsAreRecognisedForLoopDetection() {
        assertThat(refs.isOwnMessageId("<ticket-42-n7@kontor.example.com>")).isTrue();
        assertThat(refs.isOwnMessageId("<abc@gmail.com>")).isFalse();
    }
}
