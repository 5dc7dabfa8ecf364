package org.kontor.web;

/** The signed-in agent as the workspace layout shows it (top bar, admin links). */
public record WorkspaceUser(long id, String name, boolean admin) {
}
