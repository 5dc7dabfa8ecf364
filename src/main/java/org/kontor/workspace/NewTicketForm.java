package org.kontor.workspace;

/** What the new-ticket page posts; blank fields are null. {@code mode} is {@code public} or {@code internal}. */
public record NewTicketForm(Long requesterId, String subject, String body, String mode, String priority, String type,
                            String tags, Long assigneeId, Long groupId, String status) {
    static NewTicketForm empty(Long requesterId, String mode) {
        return new NewTicketForm(requesterId, null, null, mode, null, null, null, null, null, null);
    }

    public boolean internal() {
        return "internal".equals(mode);
    }
}
