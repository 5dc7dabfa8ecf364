/**
 * K1, scheduled publication: an agent writes the public reply of a private ticket now and chooses when it is
 * posted; a cluster-safe db-scheduler task posts it once, and R15 applies as for any public reply.
 */
package org.kontor.publication;
