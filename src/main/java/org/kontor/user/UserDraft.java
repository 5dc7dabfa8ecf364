package org.kontor.user;

/** Fields of a user create or update; null means "leave as it is" (or the default on create). */
public record UserDraft(String name, String email, String phone, Role role, Long organizationId, String locale,
                        String timeZone, String externalId, String details, String notes, Boolean verified,
                        Boolean suspended) {
    public static UserDraft endUser(String name, String email, String phone, Long organizationId) {
        return new UserDraft(name, email, phone, Role.END_USER, organizationId, null, null, null, null, null, null, null);
    }
}
