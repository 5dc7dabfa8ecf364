/** Tickets: the aggregate that guards the life cycle and the public/private rules, its comments and audits. */
package org.kontor.ticket;
