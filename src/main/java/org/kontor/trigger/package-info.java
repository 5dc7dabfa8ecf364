/** Triggers: admin-managed business rules (conditions and actions) run after every ticket change, in position order. */
package org.kontor.trigger;
