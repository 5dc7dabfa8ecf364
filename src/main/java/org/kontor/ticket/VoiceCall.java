package org.kontor.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * The call behind a voice comment (C1; Zendesk's VoiceComment {@code data}): who called whom, the recording, its
 * length and transcript. Stored with the comment; a comment without a call has none.
 */
@Embeddable
public class VoiceCall {
    /** Zendesk Talk Partner Edition's channel: 44 voicemail, 45 inbound call, 46 outbound call. */
    public static final int VOICEMAIL = 44;
    public static final int INBOUND = 45;
    public static final int OUTBOUND = 46;

    @Column(name = "voice_via_id")
    private Integer viaId;
    @Column(name = "voice_from")
    private String from;
    @Column(name = "voice_to")
    private String to;
    @Column(name = "voice_recording_url")
    private String recordingUrl;
    @Column(name = "voice_started_at")
    private Instant startedAt;
    @Column(name = "voice_call_duration")
    private Integer callDuration;
    @Column(name = "voice_answered_by_id")
    private Long answeredById;
    @Column(name = "voice_transcription")
    private String transcriptionText;
    @Column(name = "voice_location")
    private String location;

    protected VoiceCall() {
    }

    public VoiceCall(int viaId, String from, String to, String recordingUrl, Instant startedAt, Integer callDuration,
                     Long answeredById, String transcriptionText, String location) {
        if (viaId != VOICEMAIL && viaId != INBOUND && viaId != OUTBOUND) {
            throw new IllegalArgumentException("via_id must be 44, 45 or 46");
        }
        this.viaId = viaId;
        this.from = from;
        this.to = to;
        this.recordingUrl = recordingUrl;
        this.startedAt = startedAt;
        this.callDuration = callDuration;
        this.answeredById = answeredById;
        this.transcriptionText = transcriptionText;
        this.location = location;
    }

    /** Zendesk's {@code via.source.rel} for the call. */
    public String rel() {
        return viaId == null ? null : switch (viaId) {
            case VOICEMAIL -> "voicemail";
            case OUTBOUND -> "outbound";
            default -> "inbound";
        };
    }

    public boolean isOutbound() {
        return Objects.equals(viaId, OUTBOUND);
    }

    public Integer getViaId() {
        return viaId;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public String getRecordingUrl() {
        return recordingUrl;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Integer getCallDuration() {
        return callDuration;
    }

    public Long getAnsweredById() {
        return answeredById;
    }

    public String getTranscriptionText() {
        return transcriptionText;
    }

    public String getLocation() {
        return location;
    }
}
