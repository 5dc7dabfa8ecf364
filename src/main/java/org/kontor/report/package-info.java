/** Reports of the work done (R14: private tickets count): per organization, requester, agent and group. */
package org.kontor.report;
