/** Groups of agents (queues) and who belongs to them. */
package org.kontor.group;
