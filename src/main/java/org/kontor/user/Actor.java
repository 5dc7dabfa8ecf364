package org.kontor.user;

/** Who performs a use case: enough to decide rules without loading the user again. */
public record Actor(long id, Role role, Long organizationId) {
    public boolean isAgent() {
        return role.isAgent();
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public static Actor of(User user) {
        return new Actor(user.getId(), user.getRole(), user.getOrganizationId());
    }
}
