/**
 * The one access policy: what a user may see of tickets, comments and users (V1, V2, R11, R19), and the
 * read paths that apply it. Every read of tickets for a user, agent or end user, goes through here.
 */
package org.kontor.visibility;
