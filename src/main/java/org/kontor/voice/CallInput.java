package org.kontor.voice;

import java.time.Instant;
import java.util.List;
import org.kontor.ticket.Priority;
import org.kontor.ticket.TicketInput.PersonInput;

/**
 * A call as a telephony system reports it (Talk Partner Edition's {@code ticket} with its {@code voice_comment}).
 * {@code ticketId} set means a follow-up call on an existing ticket. {@code isPublic} is an agent's choice when
 * logging a call by hand (null: the admin setting decides); {@code notes} are the agent's notes on the call.
 */
public record CallInput(Integer viaId, Long ticketId, String subject, Long requesterId, PersonInput requester,
                        Long assigneeId, Long groupId, Priority priority, List<String> tags, Long displayToAgent,
                        String from, String to, String recordingUrl, Instant startedAt, Integer callDuration,
                        Long answeredById, String transcriptionText, String location, Boolean isPublic, String notes) {

    /** A call as the Talk Partner Edition API reports it: visibility from the admin setting, no agent notes. */
    public CallInput(Integer viaId, Long ticketId, String subject, Long requesterId, PersonInput requester, Long assigneeId,
                     Long groupId, Priority priority, List<String> tags, Long displayToAgent, String from, String to,
                     String recordingUrl, Instant startedAt, Integer callDuration, Long answeredById,
                     String transcriptionText, String location) {
        this(viaId, ticketId, subject, requesterId, requester, assigneeId, groupId, priority, tags, displayToAgent, from, to,
                recordingUrl, startedAt, callDuration, answeredById, transcriptionText, location, null, null);
    }
}
