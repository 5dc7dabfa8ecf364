package org.kontor.voice;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kontor.common.Forbidden;
import org.kontor.common.InvalidInput;
import org.kontor.common.NamedLocks;
import org.kontor.settings.AccountSettingsService;
import org.kontor.ticket.Channel;
import org.kontor.ticket.TicketInput.CommentInput;
import org.kontor.ticket.TicketInput.NewTicket;
import org.kontor.ticket.TicketService;
import org.kontor.ticket.VoiceCall;
import org.kontor.user.Actor;
import org.kontor.user.PhoneNumbers;
import org.kontor.user.User;
import org.kontor.user.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * C1: a call becomes a ticket (or a voice comment on an existing one). This class only resolves who called and
 * who answered; creating the ticket and deciding the comment's visibility (R10, R12) is the ticket aggregate's.
 */
@Service
public class VoiceService {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final TicketService tickets;
    private final UserService users;
    private final AccountSettingsService settings;
    private final NamedLocks locks;

    VoiceService(TicketService tickets, UserService users, AccountSettingsService settings, NamedLocks locks) {
        this.tickets = tickets;
        this.users = users;
        this.settings = settings;
        this.locks = locks;
    }

    /** Creates the call's ticket, or adds the call to the ticket given by {@code ticketId} (a follow-up call). */
    @Transactional
    public TicketService.Change record(CallInput in, Actor actor) {
        if (!actor.isAgent()) {
            throw new Forbidden("Only agents and admins (a telephony system's API token) record calls");
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (in.viaId() == null || (in.viaId() != VoiceCall.VOICEMAIL && in.viaId() != VoiceCall.INBOUND
                && in.viaId() != VoiceCall.OUTBOUND)) {
            errors.put("via_id", List.of("Via: via_id is required and must be 44 (voicemail), 45 (inbound call) or 46 (outbound call)"));
        }
        if (in.from() == null && in.to() == null) {
            errors.put("voice_comment", List.of("Voice comment: voice_comment with at least from or to is required"));
        }
        if (in.callDuration() != null && in.callDuration() < 0) {
            errors.put("voice_comment.call_duration", List.of("Voice comment: call_duration must not be negative"));
        }
        User answeredBy = null;
        if (in.answeredById() != null) {
            answeredBy = users.find(in.answeredById()).filter(u -> u.isAgent() && u.canSignIn()).orElse(null);
            if (answeredBy == null) {
                errors.put("voice_comment.answered_by_id", List.of("Answered by: user " + in.answeredById() + " is not an active agent"));
            }
        }
        if (in.displayToAgent() != null && users.find(in.displayToAgent()).filter(u -> u.isAgent() && u.canSignIn()).isEmpty()) {
            errors.put("display_to_agent", List.of("Display to agent: user " + in.displayToAgent() + " is not an active agent"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        VoiceCall call = new VoiceCall(in.viaId(), in.from(), in.to(), blankToNull(in.recordingUrl()), in.startedAt(),
                in.callDuration(), answeredBy == null ? null : answeredBy.getId(), blankToNull(in.transcriptionText()),
                blankToNull(in.location()));
        String body = body(call, answeredBy);
        if (blankToNull(in.notes()) != null) {
            body = in.notes().trim() + "\n\n" + body;
        }
        if (in.ticketId() != null) {
            // R12 is decided by the ticket: no visibility is requested here.
            return tickets.addCall(in.ticketId(), body, answeredBy == null ? null : answeredBy.getId(), call, actor);
        }
        String callerNumber = call.isOutbound() ? call.getTo() : call.getFrom();
        Long requesterId = in.requesterId();
        if (requesterId == null && in.requester() == null) {
            requesterId = caller(callerNumber, actor).getId();
        }
        Long assigneeId = in.assigneeId() != null ? in.assigneeId() : answeredBy == null ? null : answeredBy.getId();
        // R8/R13: call tickets start private when the admin says so and private creation is on.
        // An agent logging a call chooses (R9/R10 still apply through the ticket's privacy rules).
        boolean firstCommentPublic = in.isPublic() != null ? in.isPublic() : !settings.callTicketsStartPrivate();
        String subject = blankToNull(in.subject()) != null ? in.subject() : defaultSubject(call, callerNumber);
        NewTicket ticket = new NewTicket(subject,
                new CommentInput(body, null, firstCommentPublic, answeredBy == null ? null : answeredBy.getId()),
                requesterId, in.requester(), assigneeId, null, in.groupId(), null, null, in.priority(), null,
                in.tags(), null, null, null, Channel.VOICE);
        return tickets.createCall(ticket, call, actor);
    }

    /** The caller: the user with this number whatever its formatting (R2), or a new end user with it. */
    private User caller(String number, Actor actor) {
        if (PhoneNumbers.digits(number) == null) {
            throw new InvalidInput("voice_comment.from", "Caller: " + number + " is not a phone number; give requester_id or requester");
        }
        Optional<User> known = users.findByPhone(number);
        if (known.isPresent()) {
            return known.get();
        }
        // Two calls from the same unknown number at once must make one end user: the second waits here until the
        // first commits, then finds the caller it created (read committed: the query after the wait sees it).
        locks.lock(NamedLocks.NEW_CALLER);
        return users.findByPhone(number).orElseGet(() -> users.findOrCreateRequester(number.trim(), null, number.trim(), null, actor));
    }

    private static String defaultSubject(VoiceCall call, String number) {
        return switch (call.getViaId()) {
            case VoiceCall.VOICEMAIL -> "Voicemail from " + number;
            case VoiceCall.OUTBOUND -> "Call to " + number;
            default -> "Call from " + number;
        };
    }

    /** The comment text Zendesk writes for a call; the structured call travels in the comment's {@code data}. */
    private static String body(VoiceCall call, User answeredBy) {
        StringBuilder sb = new StringBuilder();
        sb.append(switch (call.getViaId()) {
            case VoiceCall.VOICEMAIL -> "Voicemail";
            case VoiceCall.OUTBOUND -> "Outbound call";
            default -> "Inbound call";
        });
        if (call.getFrom() != null) {
            sb.append(" from ").append(call.getFrom());
        }
        if (call.getTo() != null) {
            sb.append(" to ").append(call.getTo());
        }
        if (call.getStartedAt() != null) {
            sb.append("\nTime of call: ").append(TIME.format(call.getStartedAt()));
        }
        if (answeredBy != null) {
            sb.append("\nAnswered by: ").append(answeredBy.getName());
        }
        if (call.getCallDuration() != null) {
            sb.append("\nLength of phone call: ").append(call.getCallDuration()).append(" seconds");
        }
        if (call.getLocation() != null) {
            sb.append("\nLocation: ").append(call.getLocation());
        }
        if (call.getRecordingUrl() != null) {
            sb.append("\nRecording: ").append(call.getRecordingUrl());
        }
        if (call.getTranscriptionText() != null) {
            sb.append("\nTranscription: ").append(call.getTranscriptionText());
        }
        return sb.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
