/** Queues (R13): agent availability and capacity, and routing a group's unassigned tickets to the next available agent. */
package org.kontor.routing;
