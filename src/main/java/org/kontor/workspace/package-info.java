/**
 * The agent workspace (web UI under {@code /agent}) and the admin pages under {@code /admin}: thin controllers
 * over the ticket, user, group, organization and settings use cases; every read of tickets goes through
 * {@link org.kontor.visibility.VisibleTickets}.
 */
package org.kontor.workspace;
