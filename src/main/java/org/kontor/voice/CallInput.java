package org.kontor.voice;

import java.time.Instant;
import java.util.List;
import org.kontor.ticket.Priority;
import org.kontor.ticket.TicketInput.PersonInput;

/**
 * A call as a telephony system reports it (Talk Partner Edition's {@code ticket} with its {@code voice_comment}).
 * {@code ticketId} set means a follow-up call on an existing ticket.
 */
public record CallInput(Integer viaId, Long ticketId, String subject, Long requesterId, PersonInput requester,
                        Long assigneeId, Long groupId, Priority priority, List<String> tags, Long displayToAgent,
                        String from, String to, String recordingUrl, Instant startedAt, Integer callDuration,
                        Long answeredById, String transcriptionText, String location) {
}
